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
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.contextlib4j.internal.ExceptionRuleAttachOrderTest.Disabled;
import org.contextlib4j.internal.Hostile.Broken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, item 3: exceptions whose overridable methods throw, or whose {@code getCause} makes a
 * fresh exception on every call (an endless chain), neither make the rule throw nor keep it
 * walking: every call on a throwable is guarded, every walk looks at a bounded number of
 * exceptions, and nothing is lost. A broken {@code getCause} is read as "no cause".
 */
class ExceptionRuleHostileTest {

  /**
   * More calls of a broken method than two walks of the budget can make is a walk without end.
   * (Two: the rule walks the exception in flight once per thread, and again if a collection cleared
   * its record in between.)
   */
  private static final int BOUND = 2 * ExceptionRule.WALK_BUDGET + 10;

  private static final int SAFETY_LIMIT = 1_000_000;

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("getCause throws", (Function<String, Broken>) Hostile::throwingCause),
        Arguments.of("getCause overflows", (Function<String, Broken>) Hostile::causeThatOverflows),
        Arguments.of("getCause returns itself", (Function<String, Broken>) Hostile::selfCause),
        Arguments.of(
            "getCause makes a fresh one every call",
            (Function<String, Broken>) m -> Hostile.freshCause(m, SAFETY_LIMIT)),
        Arguments.of(
            "toString and getMessage throw", (Function<String, Broken>) Hostile::throwingText),
        Arguments.of(
            "getStackTrace throws", (Function<String, Broken>) Hostile::throwingStackTrace));
  }

  /** What one fold returned, what it should have, and the suppressed list expected on it. */
  record Fold(Throwable returned, Throwable expected, List<Throwable> attached) {
    Fold(Throwable returned, Throwable expected, Throwable... attached) {
      this(returned, expected, List.of(attached));
    }
  }

  /** Where the hostile exception meets an ordinary one, and the fold that follows. */
  record Role(String name, Function<Broken, Fold> fold) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Role> roles() {
    RuntimeException x = new RuntimeException("x");
    RuntimeException e = new RuntimeException("e");
    RuntimeException e2 = new RuntimeException("e2");
    Disabled holdsNothing = new Disabled("holds nothing");
    return List.of(
        new Role("an exit's replacement", h -> new Fold(ExceptionRule.exitThrew(x, h), h, x)),
        new Role("replaced by an exit", h -> new Fold(ExceptionRule.exitThrew(h, x), x, h)),
        new Role(
            "in flight when two cleanups fail",
            h -> {
              ExceptionRule.cleanupThrew(h, e);
              return new Fold(ExceptionRule.cleanupThrew(h, e2), h, e, e2);
            }),
        new Role("a cleanup's failure", h -> new Fold(ExceptionRule.cleanupThrew(x, h), x, h)),
        new Role(
            "in flight when a VM error with a hostile cause comes",
            h -> {
              OutOfMemoryError error = new OutOfMemoryError("constructed");
              error.initCause(Hostile.freshCause("its cause", SAFETY_LIMIT));
              return new Fold(ExceptionRule.cleanupThrew(h, error), error, h);
            }),
        // (d) of the order walks the other exception: a hostile one there.
        new Role(
            "a cleanup's failure over one that can hold nothing",
            h -> new Fold(ExceptionRule.cleanupThrew(holdsNothing, h), h, holdsNothing)),
        new Role(
            "a late failure",
            h -> {
              ExceptionRule.attachLate(x, h);
              return new Fold(x, x, h);
            }),
        new Role(
            "a timeout a late failure is attached to",
            h -> {
              ExceptionRule.attachLate(h, x);
              return new Fold(h, h, x);
            }));
  }

  static Stream<Arguments> rolesOfHostile() {
    List<Arguments> all = new ArrayList<>();
    hostile()
        .forEach(
            kind -> {
              for (int r = 0; r < roles().size(); r++) {
                Role role = roles().get(r); // fresh exceptions for each run
                all.add(Arguments.of(kind.get()[0], kind.get()[1], role));
              }
            });
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, as {2}")
  @MethodSource("rolesOfHostile")
  void neitherThrowsNorLoops_andLosesNothing(
      String name, Function<String, Broken> make, Role role) {
    Broken h = make.apply("hostile");
    Fold fold = role.fold().apply(h);
    assertThat(fold.returned()).isSameAs(fold.expected());
    assertThat(fold.expected().getSuppressed()).containsExactlyElementsOf(fold.attached());
    assertThat(h.calls()).as("calls of its broken method").isLessThan(BOUND);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void unwrap_aCompletionExceptionAroundAHostileOne_givesIt(
      String name, Function<String, Broken> make) {
    Broken failure = make.apply("failure");
    assertThat(Stages.unwrap(new CompletionException(failure.getClass().getName(), failure)))
        .isSameAs(failure);
    assertThat(Stages.unwrap(failure)).isSameAs(failure);
    assertThat(failure.calls()).as("getCause of a failure that is no wrapper is not read").isZero();
  }

  @Test
  void unwrap_aCompletionExceptionWhoseGetCauseThrows_givesTheWrapper() {
    CompletionException broken =
        new CompletionException("broken", new RuntimeException("hidden")) {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Throwable getCause() {
            throw new IllegalStateException("getCause is broken");
          }
        };
    assertThat(Stages.unwrap(broken)).isSameAs(broken);
  }

  /** A walk looks at {@link ExceptionRule#WALK_BUDGET} exceptions: what lies deeper is not seen. */
  @Test
  void reachable_findsWhatLiesWithinTheBudget_andNothingBeyond() {
    RuntimeException atTheEdge = new RuntimeException("at the edge");
    RuntimeException beyond = new RuntimeException("beyond");
    atTheEdge.initCause(beyond);
    RuntimeException root = atTheEdge;
    for (int i = 1; i < ExceptionRule.WALK_BUDGET; i++) {
      root = new RuntimeException("chain " + i, root);
    }
    RuntimeException from = new RuntimeException("from", root);
    assertThat(ExceptionRule.reachable(from, atTheEdge)).isTrue();
    assertThat(ExceptionRule.reachable(from, beyond)).isFalse();
  }

  /** Beyond the budget, an exception reachable already is attached once more: never lost. */
  @Test
  void exitThrew_attachesAnExceptionThatLiesBeyondTheBudget_again() {
    RuntimeException x = new RuntimeException("x");
    RuntimeException y = x;
    for (int i = 0; i <= ExceptionRule.WALK_BUDGET; i++) {
      y = new RuntimeException("chain " + i, y);
    }
    assertThat(ExceptionRule.exitThrew(x, y)).isSameAs(y);
    assertThat(y.getSuppressed()).containsExactly(x);
  }
}
