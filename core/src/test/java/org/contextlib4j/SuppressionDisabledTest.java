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
package org.contextlib4j;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.contextlib4j.ExitStackContract.Boom;
import org.contextlib4j.Unwinds.Close;
import org.contextlib4j.Unwinds.Exit;
import org.contextlib4j.Unwinds.Stack;
import org.contextlib4j.Unwinds.Step;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, item 2: user exceptions built with {@code enableSuppression = false} (and so, by that
 * constructor, with their cause set) can hold nothing; whichever meets one attaches it, or is
 * attached to it, the way round that loses nothing. Before, {@code addSuppressed} on them did
 * nothing and the other exception was lost. One table, every row on every stack.
 */
class SuppressionDisabledTest {

  /** An exception that cannot hold suppressed exceptions, nor a cause (it is set to null). */
  static final class Disabled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Disabled(String message) {
      super(message, null, false, true);
    }
  }

  static Throwable disabled(String message) {
    return new Disabled(message);
  }

  /** The block's exception, the cleanups, and what must propagate with what attached to it. */
  record Row(
      String name,
      @Nullable Throwable block,
      List<Step> steps,
      Throwable propagates,
      List<Throwable> attached) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The table, with fresh exceptions: each run attaches to them. */
  static List<Row> table() {
    List<Row> rows = new ArrayList<>();
    Throwable d = disabled("body");
    Boom e = new Boom("close failed");
    rows.add(new Row("cleanup fails, disabled in flight", d, List.of(new Close(e)), e, List.of(d)));

    Throwable held = disabled("body");
    IOException holder = new IOException("close failed", held);
    rows.add(
        new Row(
            "cleanup fails with a cause: the disabled one in flight",
            held,
            List.of(new Close(holder)),
            holder,
            List.of()));

    Boom x = new Boom("body");
    Throwable fromClose = disabled("close failed");
    rows.add(
        new Row(
            "disabled from a cleanup", x, List.of(new Close(fromClose)), x, List.of(fromClose)));

    Boom kept = new Boom("body");
    Throwable replacement = disabled("exit");
    rows.add(
        new Row(
            "exit throws a disabled one: X stays",
            kept,
            List.of(new Exit(replacement)),
            kept,
            List.of(replacement)));

    Throwable replaced = disabled("body");
    Boom y = new Boom("exit");
    rows.add(
        new Row(
            "exit replaces a disabled one", replaced, List.of(new Exit(y)), y, List.of(replaced)));

    // The documented limit: neither can hold the other. The one the rule prefers propagates.
    Throwable inFlight = disabled("body");
    rows.add(
        new Row(
            "two disabled, a cleanup's: lost",
            inFlight,
            List.of(new Close(disabled("close failed"))),
            inFlight,
            List.of()));

    Throwable exits = disabled("exit");
    rows.add(
        new Row(
            "two disabled, the exit's replacement wins",
            disabled("body"),
            List.of(new Exit(exits)),
            exits,
            List.of()));
    return rows;
  }

  static Stream<Arguments> rows() {
    List<Arguments> all = new ArrayList<>();
    for (Stack stack : Stack.values()) {
      for (Row row : table()) {
        all.add(Arguments.of(row, stack));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, on {1}")
  @MethodSource("rows")
  void propagatesAndAttachesAsTheRowSays(Row row, Stack stack) {
    Unwinds.run(stack, row.block(), row.steps())
        .propagates(row.propagates(), row.attached().toArray(new Throwable[0]));
  }
}
