"""Checks the README's claims about CPython's contextlib: python3 docs/peers/contextlib_claims.py"""
import asyncio
import contextlib


def check(name, ok):
    print(("yes " if ok else "no  ") + " " + name)


log, seen = [], []
try:
    with contextlib.ExitStack() as s:
        s.callback(lambda: log.append("a"))
        s.push(lambda *exc: seen.append(exc[1]) or False)
        s.callback(lambda: log.append("c"))
        raise ValueError("body")
except ValueError:
    pass
check("cleanups run LIFO, each once", log == ["c", "a"])
check("an exit sees the block's exception", isinstance(seen[0], ValueError))

with contextlib.ExitStack() as s:
    s.push(lambda *exc: True)
    raise ValueError("suppressed")
check("an exit can suppress the exception (execution continues)", True)

body = ValueError("body")
try:
    with contextlib.ExitStack() as s:
        def fail():
            raise OSError("cleanup")
        s.callback(fail)
        raise body
except BaseException as e:
    caught = e
check("a failing callback replaces the block's exception (kept as __context__)",
      isinstance(caught, OSError) and caught.__context__ is body)

errors = []
def failing(name):
    def f():
        raise RuntimeError(name)
    return f
try:
    with contextlib.ExitStack() as s:
        for n in "ABC":
            s.callback(failing(n))
except RuntimeError as e:
    chain, c = [], e
    while c is not None:
        chain.append(str(c))
        c = c.__context__
check("with no exception in flight, three failing callbacks: only the last-run one reachable "
      "(CPython gh-102201): " + " <- ".join(chain), chain == ["A"])

with contextlib.ExitStack() as s:
    s.callback(lambda: log.append("moved"))
    moved = s.pop_all()
check("pop_all hands the cleanups over", "moved" not in log and (moved.close() or "moved" in log))


async def main():
    async with contextlib.AsyncExitStack() as s:
        s.push_async_callback(asyncio.sleep, 0)
    return True
check("AsyncExitStack", asyncio.run(main()))
