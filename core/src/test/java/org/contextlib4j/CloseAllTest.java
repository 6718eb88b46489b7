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
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.contextlib4j.Contexts.closeAll;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Contexts#closeAll(AutoCloseable...)} and {@link Contexts#closeAll(Iterable)} (issue 13):
 * every resource is closed, in the order given; the first failure propagates as the same instance,
 * with the later ones attached exactly.
 */
class CloseAllTest {

  private final List<String> log = new ArrayList<>();

  @AfterEach
  void clearInterrupt() {
    var unused = Thread.interrupted();
  }

  private AutoCloseable closeable(String id) {
    return () -> log.add(id);
  }

  private AutoCloseable failing(String id, Exception thrown) {
    return () -> {
      log.add(id);
      throw thrown;
    };
  }

  @Test
  void closesEachInTheOrderGiven_skippingNulls() {
    closeAll(closeable("a"), null, closeable("b"), closeable("c"));

    assertThat(log).containsExactly("a", "b", "c");
  }

  @Test
  void closesEveryOne_andTheFirstFailurePropagates_withTheLaterOnesSuppressedInOrder() {
    IOException first = new IOException("first");
    IllegalStateException second = new IllegalStateException("second");
    IOException third = new IOException("third");

    Throwable thrown =
        catchThrowable(
            () ->
                closeAll(
                    failing("a", first),
                    closeable("b"),
                    failing("c", second),
                    failing("d", third)));

    assertThat(thrown).isSameAs(first);
    assertThat(first.getSuppressed()).containsExactly(second, third);
    assertThat(second.getSuppressed()).isEmpty();
    assertThat(log).containsExactly("a", "b", "c", "d");
  }

  @Test
  void theIterableForm_closesInIterationOrder_withTheSameRule() {
    IOException first = new IOException("first");
    IOException second = new IOException("second");
    List<@Nullable AutoCloseable> resources =
        Arrays.asList(closeable("a"), failing("b", first), null, failing("c", second));

    Throwable thrown = catchThrowable(() -> closeAll(resources));

    assertThat(thrown).isSameAs(first);
    assertThat(first.getSuppressed()).containsExactly(second);
    assertThat(log).containsExactly("a", "b", "c");
  }

  @Test
  void aResourceGivenTwice_isClosedTwice_andTheSameFailureIsNotSuppressedByItself() {
    IOException same = new IOException("same");
    AutoCloseable twice = failing("twice", same);

    Throwable thrown = catchThrowable(() -> closeAll(twice, twice));

    assertThat(thrown).isSameAs(same);
    assertThat(same.getSuppressed()).isEmpty();
    assertThat(log).containsExactly("twice", "twice");
  }

  @Test
  void rejectsANullArrayOrIterable_namingTheParameter() {
    assertThatNullPointerException()
        .isThrownBy(() -> closeAll((AutoCloseable[]) null))
        .withMessage("resources cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> closeAll((Iterable<AutoCloseable>) null))
        .withMessage("resources cannot be null");
  }

  @Test
  void anIteratorThatThrowsMidway_leavesNothingTakenUnclosed_andItsFailureIsAttached() {
    IOException closeFailed = new IOException("close failed");
    IllegalStateException iteratorFailed = new IllegalStateException("iterator failed");
    Iterable<AutoCloseable> resources =
        failingAfter(List.of(failing("a", closeFailed), closeable("b")), iteratorFailed);

    Throwable thrown = catchThrowable(() -> closeAll(resources));

    assertThat(log).containsExactly("a", "b");
    assertThat(thrown).isSameAs(closeFailed);
    assertThat(closeFailed.getSuppressed()).containsExactly(iteratorFailed);
  }

  @Test
  void anIteratorThatThrowsBeforeAnyCloseFails_propagatesItsFailure() {
    NoSuchElementException iteratorFailed = new NoSuchElementException("iterator failed");

    Throwable thrown =
        catchThrowable(() -> closeAll(failingAfter(List.of(closeable("a")), iteratorFailed)));

    assertThat(thrown).isSameAs(iteratorFailed);
    assertThat(log).containsExactly("a");
  }

  @Test
  void aLaterVirtualMachineError_isNotHiddenUnderAnOrdinaryFirstFailure() {
    IOException first = new IOException("first");
    StackOverflowError error = new StackOverflowError("deep");

    Throwable thrown =
        catchThrowable(
            () ->
                closeAll(
                    failing("a", first),
                    () -> {
                      throw error;
                    }));

    assertThat(thrown).isSameAs(error);
    assertThat(error.getSuppressed()).containsExactly(first);
  }

  @Test
  void anInterruptedExceptionAttachedToTheFirstFailure_setsTheInterruptStatusAgain() {
    IOException first = new IOException("first");
    InterruptedException interrupted = new InterruptedException("interrupted");

    Throwable thrown =
        catchThrowable(() -> closeAll(failing("a", first), failing("b", interrupted)));

    assertThat(thrown).isSameAs(first);
    assertThat(first.getSuppressed()).containsExactly(interrupted);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aStackAmongTheResources_isClosedAsAPlainCleanup() {
    ExitStack stack = new ExitStack();
    stack.callback(() -> log.add("stack's older"));
    stack.push(
        failure -> {
          log.add("stack's exit saw " + failure);
          return false;
        });

    closeAll(closeable("before"), stack, closeable("after"));

    assertThat(log).containsExactly("before", "stack's exit saw null", "stack's older", "after");
  }

  /** The elements of {@code items}, then {@code failure} from {@code hasNext()}. */
  private static Iterable<AutoCloseable> failingAfter(
      List<AutoCloseable> items, RuntimeException failure) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            if (next == items.size()) {
              throw failure;
            }
            return true;
          }

          @Override
          public AutoCloseable next() {
            return items.get(next++);
          }
        };
  }
}
