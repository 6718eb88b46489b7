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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;

/**
 * The contextlib documentation's first ExitStack example in Java:
 *
 * <pre class="language-python">{@code
 * with ExitStack() as stack:
 *     files = [stack.enter_context(open(fname)) for fname in filenames]
 * }</pre>
 *
 * <p>Real temporary files are opened through one stack. In the second run one file is missing:
 * opening it fails part-way, and every file opened before it is still closed.
 */
final class FilesExample {
  private FilesExample() {}

  static void run(PrintStream out) throws IOException {
    try (ExitStack scratch = new ExitStack()) {
      Path dir = Files.createTempDirectory("contextlib4j-demo");
      scratch.callback(() -> deleteTree(dir)); // runs last: after every reader is closed
      List<Path> present = new ArrayList<>();
      for (String name : List.of("alpha", "bravo", "charlie")) {
        present.add(Files.writeString(dir.resolve(name + ".txt"), "first line of " + name + "\n"));
      }

      out.println("-- all files exist");
      out.println("read: " + firstLines(present, out));

      out.println("-- the third of four files is missing");
      List<Path> withMissing = new ArrayList<>(present);
      withMissing.add(2, dir.resolve("missing.txt"));
      try {
        firstLines(withMissing, out);
      } catch (IOException e) {
        out.println(
            "failed part-way: " + e.getClass().getSimpleName() + " " + name(e.getMessage()));
      }
    }
  }

  /** Opens every file through one stack and returns the first line of each. */
  static List<String> firstLines(List<Path> paths, PrintStream out) throws IOException {
    try (ExitStack stack = new ExitStack()) {
      List<BufferedReader> readers = new ArrayList<>();
      for (Path path : paths) {
        readers.add(stack.register(LoggedReader.open(path, out)));
      }
      List<String> lines = new ArrayList<>();
      for (BufferedReader reader : readers) {
        lines.add(reader.readLine());
      }
      return lines;
    }
  }

  private static String name(@Nullable String message) {
    Path file = message == null ? null : Path.of(message).getFileName();
    return file == null ? "" : file.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A reader that says when it is opened and closed. */
  static final class LoggedReader extends BufferedReader {
    private final String name;
    private final PrintStream out;

    private LoggedReader(Path path, PrintStream out) throws IOException {
      super(Files.newBufferedReader(path));
      this.name = path.getFileName().toString();
      this.out = out;
      out.println("opened " + name);
    }

    static LoggedReader open(Path path, PrintStream out) throws IOException {
      return new LoggedReader(path, out);
    }

    @Override
    public void close() throws IOException {
      super.close();
      out.println("closed " + name);
    }
  }
}
