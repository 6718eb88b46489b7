#!/usr/bin/env python3
"""Disassembles a C2-compiled method from a HotSpot -XX:+PrintAssembly log made without hsdis.

usage: disasm.py LOG [INDEX]

Without the hsdis library, HotSpot prints compiled code as hex words ("abstract disassembly"),
with its relocation and oop-map comments. This collects the code of the INDEX-th C2 compilation in
LOG (default -1, the last: usually the final, non-OSR one), writes it as raw bytes and has binutils'
objdump disassemble them at their real addresses, with HotSpot's comments put back before the
instruction they belong to. Needs objdump (binutils). Example:

  java -jar benchmarks/target/benchmarks.jar 'CleanupBenchmark.exitStack$' -p n=256 -p path=success \\
    -f 1 -wi 2 -w 1s -i 1 -r 1s -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions \\
    -XX:CompileCommand=print,org.contextlib4j.benchmarks.Variants::exitStack" > /tmp/asm.log
  python3 benchmarks/scripts/disasm.py /tmp/asm.log > /tmp/exitStack.s
"""
import os
import re
import subprocess
import sys
import tempfile


def main():
    lines = open(sys.argv[1]).read().split("\n")
    which = int(sys.argv[2]) if len(sys.argv) > 2 else -1
    starts = [i for i, line in enumerate(lines) if line.startswith("Compiled method (c2)")]
    if not starts:
        sys.exit("no C2 compilation in " + sys.argv[1])
    first = starts[which]
    print(lines[first])
    code = bytearray()
    base = None
    notes = {}
    for line in lines[first + 1:]:
        if line.startswith("Compiled method"):
            break
        m = re.match(r"\s+(0x[0-9a-f]+): (.*)", line)
        if not m:
            continue
        addr, rest = int(m.group(1), 16), m.group(2)
        if rest.startswith(";"):
            notes.setdefault(addr, []).append(rest.strip())
            continue
        words = rest.replace("|", " ").split()
        if not words or not all(re.fullmatch(r"[0-9a-f]+", w) for w in words):
            continue
        if base is None:
            base = addr
        if addr < base + len(code):
            continue  # printed twice (a section header repeats the address)
        code += b"\x90" * (addr - base - len(code))
        for w in words:
            code += bytes.fromhex(w)
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as f:
        f.write(code)
    try:
        out = subprocess.run(["objdump", "-D", "-b", "binary", "-m", "i386:x86-64",
                              "--adjust-vma=%#x" % base, f.name],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    for line in out.split("\n"):
        m = re.match(r"\s*([0-9a-f]+):", line)
        if m:
            for note in notes.get(int(m.group(1), 16), []):
                print("        " + note)
        print(line)


main()
