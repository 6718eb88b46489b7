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

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.contextlib4j.Contexts;
import org.jspecify.annotations.Nullable;

/**
 * {@code redirectStdout}: capture what a noisy library prints instead of letting it reach the
 * console, then summarise it.
 *
 * <pre class="language-python">{@code
 * buffer = io.StringIO()
 * with redirect_stdout(buffer):
 *     result = noisy.sum_of_squares(10)
 * print(f"captured {len(buffer.getvalue().splitlines())} lines")
 * }</pre>
 *
 * <p>{@link System#out} is JVM-wide: while the block runs, every thread's output goes to the
 * buffer. It is restored when the block ends, also when the library throws.
 */
final class RedirectStdoutExample {
  private RedirectStdoutExample() {}

  /** A stand-in for a third-party library that reports its progress on {@link System#out}. */
  static final class NoisyLibrary {
    private NoisyLibrary() {}

    static long sumOfSquares(int n) {
      System.out.println("NoisyLib 1.0 starting up");
      if (n < 1) {
        throw new IllegalArgumentException("n must be at least 1, was " + n);
      }
      long sum = 0;
      for (int i = 1; i <= n; i++) {
        sum += (long) i * i;
        System.out.println("  step " + i + " of " + n + ": running total " + sum);
      }
      System.out.println("NoisyLib done");
      return sum;
    }
  }

  /** What one call returned (or null if it threw) and everything it printed. */
  record Captured(@Nullable Long result, String text) {
    List<String> lines() {
      return text.lines().toList();
    }
  }

  static List<Captured> run(PrintStream out) {
    out.println("-- sumOfSquares(10) under redirectStdout(buffer)");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream console = System.out;
    Long result =
        Contexts.with(
            Contexts.redirectStdout(new PrintStream(buffer, true, UTF_8)),
            ignored -> NoisyLibrary.sumOfSquares(10));
    Captured ok = new Captured(result, buffer.toString(UTF_8));
    List<String> lines = ok.lines();
    out.println("result: " + result);
    out.println(
        "captured "
            + lines.size()
            + " lines ("
            + buffer.size()
            + " bytes), "
            + lines.stream().filter(line -> line.contains("step")).count()
            + " of them progress steps");
    out.println("first: " + lines.get(0));
    out.println("last:  " + lines.get(lines.size() - 1));
    out.println("System.out restored: " + (System.out == console));

    out.println("-- sumOfSquares(0): the library throws after its banner");
    ByteArrayOutputStream partial = new ByteArrayOutputStream();
    Long none = null;
    try {
      none =
          Contexts.with(
              Contexts.redirectStdout(new PrintStream(partial, true, UTF_8)),
              ignored -> NoisyLibrary.sumOfSquares(0));
    } catch (IllegalArgumentException e) {
      out.println("caught: " + e.getMessage());
    }
    Captured failed = new Captured(none, partial.toString(UTF_8));
    out.println("captured before the failure: " + failed.lines());
    out.println("System.out restored: " + (System.out == console));
    return List.of(ok, failed);
  }
}
