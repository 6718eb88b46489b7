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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.contextlib4j.ExitStackContract.Boom;
import org.contextlib4j.Unwinds.Close;
import org.contextlib4j.Unwinds.Exit;
import org.contextlib4j.Unwinds.Outcome;
import org.contextlib4j.Unwinds.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, item 1: an exception that would close a cycle when attached is attached all the same,
 * because leaving it out loses it ("never lost" ranks above "no cycle"). The common case is a close
 * that reports its failure with the exception in flight as the cause, {@code new IOException("close
 * failed", x)}: the rule's old cycle check skipped it, and the close's failure was lost. Java's
 * try-with-resources attaches it, and {@code printStackTrace} marks the cycle.
 */
class CauseCycleTest {

  @ParameterizedTest
  @EnumSource(Stack.class)
  void closeFailureCausedByTheExceptionInFlight_isAttachedToIt(Stack stack) {
    IllegalStateException x = new IllegalStateException("body");
    IOException e = new IOException("close failed", x);

    Outcome out = Unwinds.run(stack, x, List.of(new Close(e)));

    assertThat(out.propagates(x, e).ran()).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("try") // the resource is only closed
  void tryWithResources_attachesSuchAFailureTheSameWay() {
    IllegalStateException x = new IllegalStateException("body");
    IOException e = new IOException("close failed", x);

    Throwable thrown =
        catchThrowable(
            () -> {
              try (AutoCloseable resource =
                  () -> {
                    throw e;
                  }) {
                throw x;
              }
            });

    assertThat(thrown).isSameAs(x);
    assertThat(x.getSuppressed()).containsExactly(e);
  }

  @Test
  void printStackTraceOfTheResult_terminates_andMarksTheCycle() {
    IllegalStateException x = new IllegalStateException("body");
    ExitStack stack = new ExitStack();
    stack.callback(
        () -> {
          throw new IOException("close failed", x);
        });
    Throwable thrown = catchThrowable(() -> stack.close(x));

    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));

    assertThat(trace.toString())
        .contains("Suppressed: java.io.IOException: close failed")
        .contains("[CIRCULAR REFERENCE: " + x + "]");
  }

  /**
   * An exit that unwraps: it throws the cause of the exception in flight. The exception in flight
   * is attached to it, closing the cycle wrapper → root → wrapper; CPython keeps it too ({@code
   * root.__context__} is the wrapper). Before, the wrapper was lost.
   */
  @ParameterizedTest
  @EnumSource(Stack.class)
  void exitThatThrowsTheCauseOfTheExceptionInFlight_keepsTheExceptionInFlightAttached(Stack stack) {
    Boom root = new Boom("root");
    Boom wrapper = new Boom("wrapper", root);

    Unwinds.run(stack, wrapper, List.of(new Exit(root))).propagates(root, wrapper);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void exitThatThrowsAnExceptionAttachedDeepInTheOneInFlight_keepsTheOneInFlightAttached(
      Stack stack) {
    Boom x = new Boom("x");
    Boom y = new Boom("y");
    x.addSuppressed(new Boom("deep", y));

    Unwinds.run(stack, x, List.of(new Exit(y))).propagates(y, x);
  }
}
