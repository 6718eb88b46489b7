/*
 * Copyright 2026 The contextlib4j developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.contextlib4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;

/**
 * A k-way merge of N sorted files, all open at once through one {@link ExitStack}:
 *
 * <pre class="language-python">{@code
 * with ExitStack() as stack:
 *     files = [stack.enter_context(open(name)) for name in names]
 *     merged = list(heapq.merge(*(map(int, f) for f in files)))
 * }</pre>
 *
 * <p>It fails part-way twice: a missing file when some are already open, and a line that is not a
 * number when all are open and half of the merge is done. The proof that every file was closed is
 * the number of this process's file descriptors ({@code /proc/self/fd}, on Linux) that point at the
 * merge's files, counted before, during and after each merge. Only those are counted: the JVM's own
 * threads open and close descriptors at any time (in a container, the JIT compiler threads read the
 * cgroup limits from files), so a process-wide count can move for reasons that have nothing to do
 * with the merge. The files are real temporary files, deleted at the end.
 */
final class MergeFilesExample {
  private MergeFilesExample() {}

  /**
   * One merge: what it produced or why it failed, and how many of this process's file descriptors
   * pointed at the merge's files before, while every file was open (if it got that far), and after.
   * Counts are empty without {@code /proc/self/fd}.
   */
  record Run(
      @Nullable List<Integer> merged,
      @Nullable Exception failure,
      OptionalLong fdsBefore,
      OptionalLong fdsWhileOpen,
      OptionalLong fdsAfter) {}

  /** The three merges, and the temporary directory that held their files (deleted by now). */
  record Outcome(Path directory, List<Run> runs) {}

  static Outcome run(PrintStream out) throws IOException {
    List<Run> runs = new ArrayList<>();
    Path dir = Files.createTempDirectory("contextlib4j-merge");
    try (ExitStack scratch = new ExitStack()) {
      scratch.callback(() -> deleteTree(dir)); // when the example ends, failing or not
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        List<String> lines = new ArrayList<>();
        for (int n = i; n < 40; n += 5 + i) { // each file sorted, with a different stride
          lines.add(Integer.toString(n));
        }
        files.add(Files.write(dir.resolve("part-" + i + ".txt"), lines));
      }

      out.println("-- 5 sorted files, merged while all are open");
      runs.add(report(merge(files), out));

      out.println("-- the 4th of 5 files is missing: opening fails after 3 are open");
      List<Path> withMissing = new ArrayList<>(files);
      withMissing.set(3, dir.resolve("part-missing.txt"));
      runs.add(report(merge(withMissing), out));

      out.println("-- part-2.txt has a bad line: reading fails mid-merge, all 5 open");
      List<String> bad = new ArrayList<>(Files.readAllLines(files.get(2)));
      bad.add(2, "twenty");
      Files.write(files.get(2), bad);
      runs.add(report(merge(files), out));
    }
    return new Outcome(dir, runs);
  }

  /** Merges the files through one stack, counting the descriptors open on them around it. */
  static Run merge(List<Path> paths) {
    OptionalLong before = openFileDescriptors(paths);
    OptionalLong whileOpen = OptionalLong.empty();
    List<Integer> merged = null;
    Exception failure = null;
    try (ExitStack stack = new ExitStack()) {
      List<BufferedReader> readers = new ArrayList<>();
      for (Path path : paths) {
        readers.add(stack.register(Files.newBufferedReader(path)));
      }
      whileOpen = openFileDescriptors(paths);
      merged = mergeSorted(readers);
    } catch (IOException | NumberFormatException e) {
      failure = e;
    }
    return new Run(merged, failure, before, whileOpen, openFileDescriptors(paths));
  }

  /** The k-way merge: a heap holds the current head of each reader. */
  private static List<Integer> mergeSorted(List<BufferedReader> readers) throws IOException {
    record Head(int value, BufferedReader reader) {}
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingInt(Head::value));
    for (BufferedReader reader : readers) {
      String line = reader.readLine();
      if (line != null) {
        heads.add(new Head(Integer.parseInt(line), reader));
      }
    }
    List<Integer> merged = new ArrayList<>();
    while (!heads.isEmpty()) {
      Head head = heads.remove();
      merged.add(head.value());
      String line = head.reader().readLine();
      if (line != null) {
        heads.add(new Head(Integer.parseInt(line), head.reader()));
      }
    }
    return merged;
  }

  /**
   * How many of this process's open file descriptors point at one of {@code files}, or empty where
   * {@code /proc/self/fd} is missing. A file that does not exist is never pointed at.
   */
  static OptionalLong openFileDescriptors(Collection<Path> files) {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return OptionalLong.empty();
    }
    Set<Path> targets = new HashSet<>();
    for (Path file : files) {
      try {
        targets.add(file.toRealPath());
      } catch (IOException e) {
        // missing: no descriptor can point at it
      }
    }
    try (Stream<Path> entries = Files.list(fds)) {
      return OptionalLong.of(entries.filter(fd -> targets.contains(target(fd))).count());
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** Where a {@code /proc/self/fd} entry points, or null if it was closed while we looked. */
  private static @Nullable Path target(Path fd) {
    try {
      return Files.readSymbolicLink(fd);
    } catch (IOException e) {
      return null;
    }
  }

  private static Run report(Run run, PrintStream out) {
    List<Integer> merged = run.merged();
    Exception failure = run.failure();
    if (merged != null) {
      out.println(
          "merged "
              + merged.size()
              + " numbers: "
              + merged.stream().limit(12).map(String::valueOf).collect(Collectors.joining(" "))
              + " ... "
              + merged.get(merged.size() - 1));
    } else if (failure != null) {
      out.println("failed part-way: " + failure.getClass().getSimpleName() + " " + what(failure));
    }
    if (run.fdsBefore().isPresent() && run.fdsAfter().isPresent()) {
      out.println(
          "descriptors open on these files: before "
              + run.fdsBefore().getAsLong()
              + (run.fdsWhileOpen().isPresent()
                  ? ", with all of them open " + run.fdsWhileOpen().getAsLong()
                  : "")
              + ", after "
              + run.fdsAfter().getAsLong());
    } else {
      out.println("descriptors open on these files: not countable here (no /proc/self/fd)");
    }
    return run;
  }

  private static String what(Exception failure) {
    String message = String.valueOf(failure.getMessage());
    Path file = failure instanceof NoSuchFileException ? Path.of(message) : null;
    Path name = file == null ? null : file.getFileName();
    return name != null ? name.toString() : message;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
