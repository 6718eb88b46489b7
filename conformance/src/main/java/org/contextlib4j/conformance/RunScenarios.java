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
package org.contextlib4j.conformance;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.contextlib4j.conformance.OutcomeTree.UnexpectedThrowableException;
import org.contextlib4j.conformance.Scenario.InvalidScenarioException;

/**
 * The oracle runner's entry point: {@code RunScenarios IN.jsonl OUT.jsonl} reads scenarios (SPEC
 * section 2), one per line, and writes one result line per scenario (SPEC section 6), in input
 * order. A scenario that cannot be run, fails inside the runner or hangs gives an {@code error}
 * line, and the next scenario runs normally.
 */
public final class RunScenarios {

  /** How long one scenario may run before it is reported as hung (as reference.py's watchdog). */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private RunScenarios() {}

  /**
   * Runs the scenarios of the file named by {@code args[0]} and writes the results to {@code
   * args[1]}. Prints a summary to standard error.
   *
   * @param args the input and output file names
   * @throws IOException if reading or writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: run-scenarios IN.jsonl OUT.jsonl");
      System.exit(2);
    }
    Counts counts;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      counts = process(in, out, TIMEOUT);
    }
    System.err.printf(
        "run-scenarios: %d scenarios, %d errors%n", counts.scenarios(), counts.errors());
  }

  /**
   * Runs every scenario line of {@code in} with a watchdog and writes one result line each to
   * {@code out}. Blank lines are skipped.
   */
  static Counts process(BufferedReader in, Writer out, Duration timeout) throws IOException {
    int scenarios = 0;
    int errors = 0;
    try (Watchdog watchdog = new Watchdog(timeout)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String input = line;
        String result = watchdog.run(() -> resultLine(input), () -> idOf(input));
        scenarios++;
        if (result.contains("\"error\":")) {
          errors++;
        }
        out.write(result);
        out.write('\n');
      }
    }
    return new Counts(scenarios, errors);
  }

  /** {@return the result line for one scenario line} Never throws. */
  static String resultLine(String line) {
    Object id = Json.NULL;
    try {
      Object json = Json.parse(line);
      if (!(json instanceof Map<?, ?> map)) {
        return errorLine(id, "malformed scenario: not an object");
      }
      Object value = map.get("id");
      if (value instanceof String) {
        id = value;
      }
      return Json.write(ScenarioRunner.run(Scenario.parse(map)));
    } catch (InvalidScenarioException e) {
      return errorLine(id, String.valueOf(e.getMessage()));
    } catch (IllegalArgumentException e) {
      return errorLine(id, "malformed scenario: " + e.getMessage());
    } catch (UnexpectedThrowableException e) {
      return errorLine(id, describe(e.getCause()));
    } catch (RuntimeException | Error e) {
      return errorLine(id, "runner failure: " + describe(e));
    }
  }

  private static Object idOf(String line) {
    try {
      if (Json.parse(line) instanceof Map<?, ?> map && map.get("id") instanceof String id) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // no id to report
    }
    return Json.NULL;
  }

  static String errorLine(Object id, String message) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", id);
    result.put("error", message);
    return Json.write(result);
  }

  private static String describe(@org.jspecify.annotations.Nullable Throwable t) {
    if (t == null) {
      return "null";
    }
    StackTraceElement[] frames = t.getStackTrace();
    return frames.length == 0 ? t.toString() : t + " at " + frames[0];
  }

  /** What {@link #process} did. */
  record Counts(int scenarios, int errors) {}

  /**
   * Runs each scenario on a worker thread and gives up on it after a timeout; the hung thread (a
   * daemon) is abandoned with its executor, and a fresh one runs the next scenario.
   */
  static final class Watchdog implements AutoCloseable {
    private final Duration timeout;
    private ExecutorService executor = newExecutor();

    Watchdog(Duration timeout) {
      this.timeout = timeout;
    }

    String run(java.util.concurrent.Callable<String> task, java.util.function.Supplier<Object> id) {
      Future<String> future = executor.submit(task);
      try {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        executor.shutdownNow();
        executor = newExecutor();
        return errorLine(id.get(), "timeout: scenario ran over " + timeout.toSeconds() + " s");
      } catch (ExecutionException e) {
        return errorLine(id.get(), "runner failure: " + describe(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return errorLine(id.get(), "interrupted");
      }
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }

    private static ExecutorService newExecutor() {
      return Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "scenario");
            thread.setDaemon(true);
            return thread;
          });
    }
  }
}
