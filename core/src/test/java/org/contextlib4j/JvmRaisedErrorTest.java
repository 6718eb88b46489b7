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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.contextlib4j.ExitStackContract.Boom;
import org.contextlib4j.Unwinds.Close;
import org.contextlib4j.Unwinds.CloseRaising;
import org.contextlib4j.Unwinds.Exit;
import org.contextlib4j.Unwinds.Failing;
import org.contextlib4j.Unwinds.Outcome;
import org.contextlib4j.Unwinds.Stack;
import org.contextlib4j.Unwinds.Step;
import org.contextlib4j.Unwinds.Suppress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, item 2: errors the JVM raises itself can hold nothing. A {@link StackOverflowError}
 * from real recursion and an {@link OutOfMemoryError} from a real allocation have suppression
 * disabled ({@code addSuppressed} does nothing) and their cause set to null ({@code initCause}
 * throws), measured on JDK 17 and 25 and checked again here on the running JVM. The rule then
 * attaches the other way round, so that nothing is lost: such an error from a cleanup is attached
 * to the exception in flight (as try-with-resources attaches it), and a failing cleanup's exception
 * with such an error in flight propagates with the error attached. Only when neither of the two can
 * hold the other is one lost (the documented limit, tested here too). A VM error constructed by
 * code can hold exceptions and keeps its precedence.
 */
class JvmRaisedErrorTest {
  /** Recurses until the thread's stack overflows: the bound is never reached. */
  static long recurse(long n) {
    return n == Long.MAX_VALUE ? n : 1 + recurse(n + 1);
  }

  private static final Failing RECURSION = () -> recurse(0);

  /** An allocation larger than the heap; see {@link #assumeTheHeapIsSmallerThanTheArray()}. */
  private static final Failing ALLOCATION =
      () -> {
        long[] huge = new long[Integer.MAX_VALUE - 8];
        throw new AssertionError("allocated " + huge.length + " longs");
      };

  static Throwable raise(Failing failing) {
    try {
      failing.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("did not fail");
  }

  static StackOverflowError realStackOverflow() {
    return (StackOverflowError) raise(RECURSION);
  }

  private static void assumeTheHeapIsSmallerThanTheArray() {
    assumeTrue(
        Runtime.getRuntime().maxMemory() < 8L * (Integer.MAX_VALUE - 8),
        "the heap could hold the array: no OutOfMemoryError without filling it");
  }

  /**
   * The measured fact every test here relies on, checked on a separate instance: nothing can be
   * attached to an error the JVM raised. (Once the JVM's preallocated OutOfMemoryErrors are used
   * up, it throws one shared instance; probing it attaches nothing, since it can hold nothing.)
   */
  static void assertCanHoldNothing(Throwable raised) {
    Exception probe = new Exception("probe");
    raised.addSuppressed(probe);
    boolean causeSettable;
    try {
      raised.initCause(probe);
      causeSettable = true;
    } catch (IllegalStateException expected) {
      causeSettable = false;
    }
    assertThat(raised.getSuppressed()).as("suppression disabled").isEmpty();
    assertThat(causeSettable).as("cause already set (to null)").isFalse();
    assertThat(raised.getCause()).isNull();
  }

  @Test
  void jvmRaisedErrors_canHoldNothing() {
    assertCanHoldNothing(realStackOverflow());
    assumeTheHeapIsSmallerThanTheArray();
    Throwable oom = raise(ALLOCATION);
    assertThat(oom).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    assertCanHoldNothing(oom);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void stackOverflowFromRecursionInACleanup_isAttachedToTheExceptionInFlight(Stack stack) {
    IllegalStateException x = new IllegalStateException("body");
    Boom earlier = new Boom("registered earlier, runs later");
    List<Throwable> raised = new ArrayList<>();

    Outcome out =
        Unwinds.run(stack, x, List.of(new Close(earlier), new CloseRaising(RECURSION, raised)));

    assertThat(raised).singleElement().isInstanceOf(StackOverflowError.class);
    assertThat(out.propagates(x, raised.get(0), earlier).ran()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void outOfMemoryFromAnAllocationInACleanup_isAttachedToTheExceptionInFlight(Stack stack) {
    assumeTheHeapIsSmallerThanTheArray();
    IllegalStateException x = new IllegalStateException("body");
    List<Throwable> raised = new ArrayList<>();

    Outcome out = Unwinds.run(stack, x, List.of(new CloseRaising(ALLOCATION, raised)));

    assertThat(raised).singleElement().isInstanceOf(OutOfMemoryError.class);
    assertThat(out.propagates(x, raised.get(0)).ran()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void stackOverflowFromRecursionInACleanup_withNothingInFlight_propagates(Stack stack) {
    List<Throwable> raised = new ArrayList<>();

    Outcome out = Unwinds.run(stack, null, List.of(new CloseRaising(RECURSION, raised)));

    out.propagates(raised.get(0));
  }

  /** The documented limit: neither can hold the other, so one is lost; the one in flight stays. */
  @ParameterizedTest
  @EnumSource(Stack.class)
  void twoRealStackOverflows_theOneInFlightPropagates_andTheOtherIsLost(Stack stack) {
    StackOverflowError x = realStackOverflow();
    List<Throwable> raised = new ArrayList<>();

    Outcome out = Unwinds.run(stack, x, List.of(new CloseRaising(RECURSION, raised)));

    assertThat(raised).singleElement().isNotSameAs(x);
    out.propagates(x);
  }

  /** The same limit: the VM error is preferred, and the ordinary one it cannot hold is lost. */
  @ParameterizedTest
  @EnumSource(Stack.class)
  void realStackOverflowFromACleanup_overAnExceptionThatCanHoldNothing_propagates(Stack stack) {
    Throwable x = SuppressionDisabledTest.disabled("body, suppression disabled");
    List<Throwable> raised = new ArrayList<>();

    Outcome out = Unwinds.run(stack, x, List.of(new CloseRaising(RECURSION, raised)));

    out.propagates(raised.get(0));
  }

  /**
   * The rows that need no recursion inside the cleanup: the error was raised before. Fatal
   * precedence is kept where it loses nothing (a VM error made by code can hold X); a failing
   * cleanup's exception carries a real overflow that killed the block; an exit's explicit decision
   * is honored over a VM error in flight (issue 11, item 6(b)).
   */
  static Stream<Arguments> rows() {
    List<Arguments> all = new ArrayList<>();
    for (Stack stack : Stack.values()) {
      IllegalStateException x = new IllegalStateException("body");
      StackOverflowError constructed = new StackOverflowError("constructed");
      all.add(
          Arguments.of(
              "constructed VM error from a cleanup",
              stack,
              x,
              new Close(constructed),
              constructed,
              x));

      StackOverflowError killedTheBlock = realStackOverflow();
      Boom e = new Boom("close failed");
      all.add(
          Arguments.of(
              "cleanup fails, real overflow in flight",
              stack,
              killedTheBlock,
              new Close(e),
              e,
              killedTheBlock));

      StackOverflowError replaced = realStackOverflow();
      Boom y = new Boom("exit");
      all.add(
          Arguments.of("exit replaces a real overflow", stack, replaced, new Exit(y), y, replaced));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, on {1}")
  @MethodSource("rows")
  void propagatesWithTheOtherAttached(
      String name,
      Stack stack,
      Throwable block,
      Step step,
      Throwable propagates,
      Throwable attached) {
    Unwinds.run(stack, block, List.of(step)).propagates(propagates, attached);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void exitThatSuppresses_aRealStackOverflowInFlight_isHonored(Stack stack) {
    assertThat(Unwinds.run(stack, realStackOverflow(), List.of(new Suppress())).propagated())
        .isNull();
  }
}
