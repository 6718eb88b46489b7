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

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExceptionRuleTest {

  private static RuntimeException ex(String message) {
    return new RuntimeException(message);
  }

  @Test
  void exitReturnedFalse_keepsInFlight() {
    RuntimeException x = ex("x");
    assertThat(ExceptionRule.exitReturned(x, false)).isSameAs(x);
    assertThat(ExceptionRule.exitReturned(null, false)).isNull();
  }

  @Test
  void exitReturnedTrue_suppressesInFlight() {
    assertThat(ExceptionRule.exitReturned(ex("x"), true)).isNull();
    assertThat(ExceptionRule.exitReturned(null, true)).isNull();
  }

  @Test
  void exitThrew_replacesAndAttachesOldOne() {
    RuntimeException x = ex("x");
    RuntimeException y = ex("y");
    assertThat(ExceptionRule.exitThrew(x, y)).isSameAs(y);
    assertThat(y.getSuppressed()).containsExactly(x);
    assertThat(x.getSuppressed()).isEmpty();
  }

  @Test
  void exitThrew_attachesNothing_whenNothingInFlight() {
    RuntimeException y = ex("y");
    assertThat(ExceptionRule.exitThrew(null, y)).isSameAs(y);
    assertThat(y.getSuppressed()).isEmpty();
  }

  @Test
  void exitThrew_isNotReplacement_whenSameInstanceRethrown() {
    RuntimeException x = ex("x");
    assertThat(ExceptionRule.exitThrew(x, x)).isSameAs(x);
    assertThat(x.getSuppressed()).isEmpty();
  }

  @Test
  void exitThrew_doesNotAttach_whenOldOneIsInCauseChain() {
    RuntimeException x = ex("x");
    RuntimeException y = new RuntimeException("y", new IllegalStateException("mid", x));
    assertThat(ExceptionRule.exitThrew(x, y)).isSameAs(y);
    assertThat(y.getSuppressed()).isEmpty();
  }

  @Test
  void exitThrew_doesNotAttachTwice_whenAlreadySuppressedIntoNewOne() {
    RuntimeException x = ex("x");
    RuntimeException y = ex("y");
    y.addSuppressed(x);
    ExceptionRule.exitThrew(x, y);
    assertThat(y.getSuppressed()).containsExactly(x);
  }

  // Issue 11: leaving the old one out would lose it; the cycle it closes is harmless.
  @Test
  void exitThrew_attachesTheOldOne_evenWhenTheNewOneIsItsCause() {
    RuntimeException y = ex("y");
    RuntimeException x = new RuntimeException("x", y); // the exit unwraps: throw failure.getCause()
    assertThat(ExceptionRule.exitThrew(x, y)).isSameAs(y);
    assertThat(y.getSuppressed()).containsExactly(x);
  }

  @Test
  void exitThrew_attachesTheOldOne_evenWhenTheNewOneIsAttachedDeepInIt() {
    RuntimeException x = ex("x");
    RuntimeException y = ex("y");
    x.addSuppressed(new IllegalStateException("deep", y));
    ExceptionRule.exitThrew(x, y);
    assertThat(y.getSuppressed()).containsExactly(x);
  }

  @Test
  void cleanupThrew_keepsInFlightAndAttachesFailure() {
    RuntimeException x = ex("x");
    RuntimeException e = ex("e");
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(x);
    assertThat(x.getSuppressed()).containsExactly(e);
  }

  @Test
  void cleanupThrew_becomesInFlight_whenNothingInFlight() {
    RuntimeException e = ex("e");
    assertThat(ExceptionRule.cleanupThrew(null, e)).isSameAs(e);
    assertThat(e.getSuppressed()).isEmpty();
  }

  @Test
  void cleanupThrew_neverSelfSuppresses_whenCloseRethrowsInFlight() {
    RuntimeException x = ex("x");
    assertThat(ExceptionRule.cleanupThrew(x, x)).isSameAs(x);
    assertThat(x.getSuppressed()).isEmpty();
  }

  // Issue 11: new IOException("close failed", x) was lost; try-with-resources attaches it.
  @Test
  void cleanupThrew_attachesAFailureWhoseCauseIsTheExceptionInFlight() {
    RuntimeException x = ex("x");
    RuntimeException e = new RuntimeException("e", x);
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(x);
    assertThat(x.getSuppressed()).containsExactly(e);
  }

  @Test
  void cleanupThrew_attachesNothing_whenTheFailureIsReachableAlready() {
    RuntimeException e = ex("e");
    RuntimeException x = new RuntimeException("x", new IllegalStateException("mid", e));
    assertThat(ExceptionRule.cleanupThrew(x, e)).isSameAs(x);
    assertThat(x.getSuppressed()).isEmpty();
  }

  @Test
  void cleanupThrew_attachesTheSameFailureOnce() {
    RuntimeException x = ex("x");
    RuntimeException e = ex("e");
    RuntimeException other = ex("other");
    ExceptionRule.cleanupThrew(x, e);
    ExceptionRule.cleanupThrew(x, other);
    ExceptionRule.cleanupThrew(x, e);
    assertThat(x.getSuppressed()).containsExactly(e, other);
  }

  /** What the rule attached itself it knows without walking again, within its record's bound. */
  @Test
  void cleanupThrew_attachesTheSameFailureOnce_evenAfterMoreOthersThanTheBudget() {
    RuntimeException x = ex("x");
    RuntimeException first = ex("first");
    ExceptionRule.cleanupThrew(x, first);
    for (int i = 0; i < 2 * ExceptionRule.WALK_BUDGET; i++) {
      ExceptionRule.cleanupThrew(x, ex("e" + i));
    }
    ExceptionRule.cleanupThrew(x, first);
    assertThat(x.getSuppressed()).hasSize(1 + 2 * ExceptionRule.WALK_BUDGET);
  }

  @Test
  void theRecordOfWhatIsReachable_holdsTheBudgetAtMost() {
    RuntimeException holder = ex("holder");
    Set<Throwable> reachable = Collections.newSetFromMap(new IdentityHashMap<>());
    ExceptionRule.Known known = new ExceptionRule.Known(holder, reachable);
    List<RuntimeException> recorded = new ArrayList<>();
    for (int i = 0; i < ExceptionRule.WALK_BUDGET; i++) {
      RuntimeException e = ex("e" + i);
      recorded.add(e);
      known.record(e);
    }
    RuntimeException oneTooMany = ex("one too many");
    known.record(oneTooMany);
    assertThat(recorded).allMatch(known::has);
    assertThat(known.has(oneTooMany)).isFalse();
    assertThat(reachable).hasSize(ExceptionRule.WALK_BUDGET);
  }

  @Test
  void reachable_isTrue_whenTheTargetIsTheExceptionItself() {
    RuntimeException x = ex("x");
    assertThat(ExceptionRule.reachable(x, x)).isTrue();
  }

  @Test
  void reachable_terminates_onGraphThatAlreadyHasCycle() {
    RuntimeException a = ex("a");
    RuntimeException b = ex("b");
    a.addSuppressed(b);
    b.addSuppressed(a);
    assertThat(ExceptionRule.reachable(a, ex("elsewhere"))).isFalse();
    assertThat(ExceptionRule.reachable(b, a)).isTrue();
  }

  @Test
  void reachable_walksDeepChainsIteratively_upToItsBudget() {
    RuntimeException root = ex("root");
    RuntimeException current = root;
    RuntimeException withinTheBudget = root;
    for (int i = 0; i < 100_000; i++) {
      RuntimeException next = ex("n" + i);
      current.addSuppressed(next);
      current = next;
      if (i == ExceptionRule.WALK_BUDGET / 2) {
        withinTheBudget = next;
      }
    }
    assertThat(ExceptionRule.reachable(root, withinTheBudget)).isTrue();
    assertThat(ExceptionRule.reachable(root, current)).as("beyond the budget").isFalse();
  }

  @Test
  void exitReport_saysSuppressedContinuesOrThrow() {
    RuntimeException x = ex("x");
    RuntimeException y = ex("y");
    assertThat(ExceptionRule.exitReport(null, null)).isFalse();
    assertThat(ExceptionRule.exitReport(x, null)).isTrue();
    assertThat(ExceptionRule.exitReport(x, x)).isFalse();
    assertThat(ExceptionRule.exitReport(x, y)).isNull();
    assertThat(ExceptionRule.exitReport(null, y)).isNull();
  }

  @Test
  void attachLate_attachesOnce_evenWhenThatClosesACycle_andLeavesTheInterruptStatusAlone() {
    RuntimeException inFlight = ex("in flight");
    RuntimeException timeout = ex("timeout");
    inFlight.addSuppressed(timeout);
    RuntimeException late = ex("late");
    InterruptedException lateInterrupt = new InterruptedException("late interrupt");
    RuntimeException holdsInFlight = new RuntimeException("holds it", inFlight);

    ExceptionRule.attachLate(timeout, late);
    ExceptionRule.attachLate(timeout, late); // reachable already: not twice
    ExceptionRule.attachLate(timeout, holdsInFlight); // closes a cycle, but is lost otherwise
    ExceptionRule.attachLate(timeout, lateInterrupt);

    assertThat(timeout.getSuppressed()).containsExactly(late, holdsInFlight, lateInterrupt);
    assertThat(Thread.interrupted()).as("interrupt status of the completing thread").isFalse();
  }
}
