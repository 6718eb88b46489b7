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
package org.contextlib4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 2: the order in which the rule makes the other exception reachable from the one
 * that propagates, one test per step: (a) it is the same or reachable already; (b) {@code
 * addSuppressed}, if it held; (c) {@code initCause}, if the cause was unset and it held; (d) the
 * other way round, the other exception propagating; (e) neither can hold the other: the preferred
 * one propagates and the other is lost.
 */
class ExceptionRuleAttachOrderTest {

  @AfterEach
  void clearInterrupt() {
    boolean ignored = Thread.interrupted();
  }

  /** Suppression disabled, cause set to null: holds nothing. */
  static final class Disabled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Disabled(String message) {
      super(message, null, false, true);
    }
  }

  /**
   * Suppression disabled, but a cause can be set once: the one kind of exception step (c) is for
   * (an exception whose {@code addSuppressed} fails, for example out of memory, with its cause
   * unset). {@code lies} makes {@code initCause} return normally without keeping the cause.
   */
  static final class CauseOnly extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean lies;
    private @Nullable Throwable cause;

    CauseOnly(String message, boolean lies) {
      super(message, null, false, true);
      this.lies = lies;
    }

    @Override
    public synchronized Throwable initCause(@Nullable Throwable cause) {
      if (this.cause != null) {
        throw new IllegalStateException("cause set already");
      }
      if (!lies) {
        this.cause = cause;
      }
      return this;
    }

    @Override
    public synchronized @Nullable Throwable getCause() {
      return cause;
    }
  }

  /** Its {@code initCause} throws something {@code Throwable} does not document. */
  static final class InitCauseThrows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InitCauseThrows(String message) {
      super(message, null, false, true);
    }

    @Override
    public synchronized Throwable initCause(@Nullable Throwable cause) {
      throw new UnsupportedOperationException("no causes here");
    }
  }

  /** Recurses until the thread's stack overflows: the bound is never reached. */
  static long recurse(long n) {
    return n == Long.MAX_VALUE ? n : 1 + recurse(n + 1);
  }

  private static StackOverflowError realStackOverflow() {
    try {
      recurse(0);
    } catch (StackOverflowError e) {
      return e;
    }
    throw new AssertionError("no overflow");
  }

  @Test
  void a_attachesNothing_whenTheOtherIsReachableAlready() {
    RuntimeException x = new RuntimeException("x");
    RuntimeException y = new RuntimeException("y", x);
    assertThat(ExceptionRule.exitThrew(x, y)).isSameAs(y);
    assertThat(y.getSuppressed()).isEmpty();
  }

  @Test
  void b_addsTheOtherAsSuppressed() {
    RuntimeException x = new RuntimeException("x");
    RuntimeException e = new RuntimeException("e");
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(x);
    assertThat(x.getSuppressed()).containsExactly(e);
    assertThat(x.getCause()).isNull();
  }

  @Test
  void c_setsTheOtherAsTheCause_whenSuppressionIsDisabledAndTheCauseUnset() {
    CauseOnly x = new CauseOnly("x", false);
    RuntimeException e = new RuntimeException("e");
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(x);
    assertThat(x.getCause()).isSameAs(e);
    assertThat(e.getSuppressed()).isEmpty();
  }

  @Test
  void d_theOtherPropagatesWithThePreferredAttached_whenInitCauseDidNotHold() {
    CauseOnly x = new CauseOnly("x", true);
    RuntimeException e = new RuntimeException("e");
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(e);
    assertThat(e.getSuppressed()).containsExactly(x);
  }

  @Test
  void d_theOtherPropagatesWithThePreferredAttached_whenInitCauseThrows() {
    InitCauseThrows x = new InitCauseThrows("x");
    RuntimeException e = new RuntimeException("e");
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(e);
    assertThat(e.getSuppressed()).containsExactly(x);
  }

  @Test
  void d_theOtherPropagatesWithThePreferredAsItsCause_whenThatIsAllItCanHold() {
    Disabled x = new Disabled("x");
    CauseOnly e = new CauseOnly("e", false);
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(e);
    assertThat(e.getCause()).isSameAs(x);
  }

  @Test
  void d_theOtherPropagatesAsItIs_whenItHoldsThePreferredAlready() {
    Disabled x = new Disabled("x");
    RuntimeException e = new RuntimeException("e", x);
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(e);
    assertThat(e.getSuppressed()).isEmpty();
  }

  @Test
  void d_appliesToAReplacementToo_theExceptionInFlightStays() {
    RuntimeException x = new RuntimeException("x");
    Disabled y = new Disabled("y");
    assertThat(ExceptionRule.exitThrew(x, y)).isSameAs(x);
    assertThat(x.getSuppressed()).containsExactly(y);
  }

  @Test
  void e_neitherCanHoldTheOther_thePreferredPropagates() {
    Disabled x = new Disabled("x");
    Disabled other = new Disabled("other");
    assertThat(ExceptionRule.cleanupThrew(x, other)).isSameAs(x);
    assertThat(ExceptionRule.exitThrew(x, other)).isSameAs(other);
    StackOverflowError raised = realStackOverflow();
    assertThat(ExceptionRule.cleanupThrew(x, raised)).as("fatal first").isSameAs(raised);
    assertThat(ExceptionRule.cleanupThrew(raised, x)).isSameAs(raised);
  }

  @Test
  void fatalPrecedence_aVmErrorThatCanHoldTheOrdinaryOneBecomesTheExceptionInFlight() {
    RuntimeException x = new RuntimeException("x");
    OutOfMemoryError constructed = new OutOfMemoryError("constructed");
    assertThat(ExceptionRule.cleanupThrew(x, constructed)).isSameAs(constructed);
    assertThat(constructed.getSuppressed()).containsExactly(x);
  }

  @Test
  void fatalPrecedence_aVmErrorThatCanHoldNothingIsAttachedToTheOrdinaryOne() {
    RuntimeException x = new RuntimeException("x");
    StackOverflowError raised = realStackOverflow();
    assertThat(ExceptionRule.cleanupThrew(x, raised)).isSameAs(x);
    assertThat(x.getSuppressed()).containsExactly(raised);
  }

  @Test
  void theOneThatStopsPropagating_setsTheInterruptStatus_whicheverWayRoundItWent() {
    InterruptedException interrupted = new InterruptedException("close was interrupted");
    Disabled x = new Disabled("x");
    assertThat(ExceptionRule.cleanupThrew(x, interrupted)).as("(d)").isSameAs(interrupted);
    assertThat(interrupted.getSuppressed()).containsExactly(x);
    assertThat(Thread.interrupted()).as("it propagates: no status").isFalse();

    InterruptedException inFlight = new InterruptedException("block was interrupted");
    Disabled y = new Disabled("y");
    assertThat(ExceptionRule.exitThrew(inFlight, y)).as("(d)").isSameAs(inFlight);
    assertThat(Thread.interrupted()).as("it stays in flight: no status").isFalse();

    RuntimeException holder = new RuntimeException("holder");
    InterruptedException attached = new InterruptedException("attached");
    assertThat(ExceptionRule.exitThrew(attached, holder)).isSameAs(holder);
    assertThat(Thread.interrupted()).as("attached: status set").isTrue();
  }
}
