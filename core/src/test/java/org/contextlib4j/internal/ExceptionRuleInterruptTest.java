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

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, item 4: an {@link InterruptedException} that stops propagating by itself sets the
 * interrupt status again only when the caller asks ({@code resetInterrupt}); the forms without the
 * flag ask. The async driver folds on whichever thread completed a stage, and must not interrupt
 * that thread.
 */
class ExceptionRuleInterruptTest {

  @AfterEach
  void clearInterrupt() {
    boolean ignored = Thread.interrupted();
  }

  /** One fold in which an InterruptedException stops propagating by itself. */
  interface Fold {
    @Nullable Throwable apply(InterruptedException interrupted, boolean resetInterrupt);
  }

  static Stream<Arguments> folds() {
    RuntimeException y = new RuntimeException("y");
    RuntimeException x = new RuntimeException("x");
    return Stream.of(
        Arguments.of(
            "an exit suppresses it",
            (Fold) (ie, reset) -> ExceptionRule.exitReturned(ie, true, reset),
            (Fold) (ie, reset) -> ExceptionRule.exitReturned(ie, true)),
        Arguments.of(
            "an exit replaces it",
            (Fold) (ie, reset) -> ExceptionRule.exitThrew(ie, y, reset),
            (Fold) (ie, reset) -> ExceptionRule.exitThrew(ie, y)),
        Arguments.of(
            "a cleanup's is attached",
            (Fold) (ie, reset) -> ExceptionRule.cleanupThrew(x, ie, reset),
            (Fold) (ie, reset) -> ExceptionRule.cleanupThrew(x, ie)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folds")
  void resetsTheInterruptStatus_onlyWhenAsked(String name, Fold withFlag, Fold withoutFlag) {
    withFlag.apply(new InterruptedException("left alone"), false);
    assertThat(Thread.interrupted()).as("resetInterrupt = false").isFalse();

    withFlag.apply(new InterruptedException("reset"), true);
    assertThat(Thread.interrupted()).as("resetInterrupt = true").isTrue();

    withoutFlag.apply(new InterruptedException("by default"), false);
    assertThat(Thread.interrupted()).as("the form without the flag").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folds")
  void folds_theSameWithOrWithoutTheFlag(String name, Fold withFlag, Fold withoutFlag) {
    InterruptedException a = new InterruptedException("a");
    InterruptedException b = new InterruptedException("b");
    Throwable left = withFlag.apply(a, false);
    Throwable right = withoutFlag.apply(b, false);
    assertThat(left).isSameAs(right);
    if (left != null) {
      assertThat(left.getSuppressed()).containsExactly(a, b);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folds")
  void neverClearsAnInterruptStatusThatIsSet(String name, Fold withFlag, Fold withoutFlag) {
    Thread.currentThread().interrupt();
    withFlag.apply(new InterruptedException("e"), false);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
