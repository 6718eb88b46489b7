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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Async cleanup deadlines (issue 6): {@code closeAsync(Duration)} and per-entry timeouts. A stage
 * that does not finish in time gets a {@link TimeoutException} attached to what propagates, and the
 * unwinding moves on; every other cleanup still runs.
 */
class AsyncDeadlineTest {

  private static final Duration SHORT = Duration.ofMillis(50);

  private final List<String> log = new CopyOnWriteArrayList<>();

  private AsyncCleanupAction logs(String name) {
    return () -> {
      log.add(name);
      return CompletableFuture.completedFuture(null);
    };
  }

  /** A cleanup whose stage never completes unless the test completes it. */
  private AsyncCleanupAction hangs(String name, CompletableFuture<@Nullable Void> stage) {
    return () -> {
      log.add(name);
      return stage;
    };
  }

  private static @Nullable Throwable failureOf(CompletionStage<?> stage) throws Exception {
    try {
      stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void closeWithDeadline_hangingCleanup_timesOut_andTheEarlierCleanupsStillRun() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(logs("first registered"));
    stack.pushAsyncCallback(hangs("hangs", new CompletableFuture<>()));
    stack.pushAsyncCallback(logs("last registered"));

    Throwable thrown = failureOf(stack.closeAsync(SHORT));

    assertThat(thrown)
        .isInstanceOf(TimeoutException.class)
        .hasMessage(
            "a cleanup stage did not complete within the deadline of closeAsync(PT0.05S);"
                + " unwinding went on without it");
    assertThat(log).containsExactly("last registered", "hangs", "first registered");
  }

  @Test
  void closeWithFailureAndDeadline_theFailureStaysInFlight_withTheTimeoutAttached()
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(hangs("hangs", new CompletableFuture<>()));
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = failureOf(stack.closeAsync(body, SHORT));

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(TimeoutException.class);
  }

  @Test
  void perEntryTimeout_appliesWithoutADeadline_andNamesItself() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(logs("after"));
    stack.pushAsyncCallback(hangs("hangs", new CompletableFuture<>()), SHORT);

    Throwable thrown = failureOf(stack.closeAsync());

    assertThat(thrown)
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("within its timeout of PT0.05S");
    assertThat(log).containsExactly("hangs", "after");
  }

  @Test
  void shorterOfEntryTimeoutAndDeadline_applies() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(hangs("hangs", new CompletableFuture<>()), Duration.ofDays(1));

    Throwable thrown = failureOf(stack.closeAsync(SHORT));

    assertThat(thrown).hasMessageContaining("the deadline of closeAsync(PT0.05S)");
  }

  @Test
  void afterTheDeadline_everyRemainingCleanupStillStarts_completedOnesCountAsUsual()
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    IllegalStateException completedFailure = new IllegalStateException("already failed");
    stack.pushAsyncCallback(hangs("hangs 2", new CompletableFuture<>()));
    stack.pushAsyncCallback(
        () -> {
          log.add("fails at once");
          return CompletableFuture.failedFuture(completedFailure);
        });
    stack.callback(() -> log.add("sync"));
    stack.pushAsyncCallback(hangs("hangs 1", new CompletableFuture<>()));
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = failureOf(stack.closeAsync(body, SHORT));

    assertThat(thrown).isSameAs(body);
    assertThat(log).containsExactly("hangs 1", "sync", "fails at once", "hangs 2");
    Throwable[] attached = body.getSuppressed();
    assertThat(attached).hasSize(3);
    assertThat(attached[0]).isInstanceOf(TimeoutException.class);
    assertThat(attached[1]).isSameAs(completedFailure);
    assertThat(attached[2]).isInstanceOf(TimeoutException.class);
  }

  @Test
  void exitThatCompletesInTime_stillSuppresses() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(
        failure -> CompletableFuture.supplyAsync(() -> true), Duration.ofSeconds(30));

    Throwable thrown = failureOf(stack.closeAsync(new IllegalStateException("body")));

    assertThat(thrown).isNull();
  }

  @Test
  void exitThatWouldSuppressTooLate_cannot_theFailureContinuesWithTheTimeout() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    stack.pushAsyncExit(failure -> late, SHORT);
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = failureOf(stack.closeAsync(body));
    late.complete(true);

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(TimeoutException.class);
  }

  @Test
  void failureThatArrivesAfterTheTimeout_isAttachedToTheTimeoutException() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> late = new CompletableFuture<>();
    stack.pushAsyncCallback(hangs("hangs", late), SHORT);

    Throwable timeout = failureOf(stack.closeAsync());
    IllegalStateException lateFailure = new IllegalStateException("late");
    late.completeExceptionally(lateFailure);

    assertThat(timeout).isInstanceOf(TimeoutException.class);
    assertThat(timeout.getSuppressed()).containsExactly(lateFailure);
  }

  @Test
  void asyncManagerWithTimeout_timesOutItsExit() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    AsyncContextManager<String> manager =
        new AsyncContextManager<>() {
          @Override
          public CompletionStage<String> enterAsync() {
            return CompletableFuture.completedFuture("value");
          }

          @Override
          public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
            log.add("manager exit");
            return new CompletableFuture<>();
          }
        };
    assertThat(stack.pushAsyncExit(manager, SHORT)).isSameAs(manager);

    Throwable thrown = failureOf(stack.closeAsync());

    assertThat(thrown).isInstanceOf(TimeoutException.class);
    assertThat(log).containsExactly("manager exit");
  }

  @Test
  void secondTimedClose_whileAHungCloseRuns_endsAtItsOwnDeadline_withATimeout() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> hung = new CompletableFuture<>();
    stack.pushAsyncCallback(hangs("hangs", hung));
    CompletionStage<@Nullable Void> first = stack.closeAsync(); // no deadline: waits for `hung`

    Throwable second = failureOf(stack.closeAsync(SHORT));

    assertThat(second)
        .isInstanceOf(TimeoutException.class)
        .hasMessage(
            "the close already running did not finish within the deadline of"
                + " closeAsync(PT0.05S); this close ran nothing");
    assertThat(first.toCompletableFuture()).isNotDone();
    hung.complete(null);
    assertThat(failureOf(first)).isNull();
    assertThat(log).containsExactly("hangs");
  }

  @Test
  void secondTimedCloseWithAFailure_whileAHungCloseRuns_keepsItInFlight_withTheTimeoutAttached()
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> hung = new CompletableFuture<>();
    stack.pushAsyncCallback(hangs("hangs", hung));
    CompletionStage<@Nullable Void> first = stack.closeAsync();
    IllegalStateException body = new IllegalStateException("body");

    Throwable second = failureOf(stack.closeAsync(body, SHORT));

    assertThat(second).isSameAs(body);
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(TimeoutException.class);
    hung.complete(null);
    assertThat(failureOf(first)).isNull();
  }

  @Test
  void secondTimedClose_whenTheRunningCloseFinishesInTime_completesAsUntimed() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.pushAsyncCallback(hangs("slow", slow));
    CompletionStage<@Nullable Void> first = stack.closeAsync();
    CompletionStage<@Nullable Void> second = stack.closeAsync(Duration.ofSeconds(30));
    IllegalStateException body = new IllegalStateException("body");
    CompletionStage<@Nullable Void> third = stack.closeAsync(body, Duration.ofSeconds(30));

    assertThat(second.toCompletableFuture()).isNotDone();
    slow.complete(null);

    assertThat(failureOf(first)).isNull();
    assertThat(failureOf(second)).isNull();
    assertThat(failureOf(third)).isSameAs(body);
    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).containsExactly("slow");
  }

  /** A manager whose exit's stage is {@code stage}. */
  private static AsyncContextManager<String> exitsWith(CompletableFuture<Boolean> stage) {
    return new AsyncContextManager<>() {
      @Override
      public CompletionStage<String> enterAsync() {
        return CompletableFuture.completedFuture("value");
      }

      @Override
      public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
        return stage;
      }
    };
  }

  @Test
  void timedManager_failureThatArrivesAfterTheTimeout_isAttachedToTheTimeoutException()
      throws Exception {
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(exitsWith(late), SHORT);

    Throwable timeout = failureOf(stack.closeAsync());
    IllegalStateException lateFailure = new IllegalStateException("late");
    late.completeExceptionally(lateFailure);

    assertThat(timeout).isInstanceOf(TimeoutException.class);
    assertThat(timeout.getSuppressed()).containsExactly(lateFailure);
  }

  /** A stack holding {@code closingAsync}, whose close stage is {@code close}. */
  private static AsyncExitStack closingAsyncEntered(CompletableFuture<@Nullable Void> close)
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    assertThat(failureOf(stack.enterAsyncContext(Contexts.closingAsync("resource", r -> close))))
        .isNull();
    return stack;
  }

  /** closingAsync's exit reports the exception in flight after it: a new one is the failure. */
  @Test
  void deadline_lateFailureOfAnExitThatReportsTheExceptionInFlight_isAttachedToTheTimeout()
      throws Exception {
    CompletableFuture<@Nullable Void> late = new CompletableFuture<>();
    AsyncExitStack stack = closingAsyncEntered(late);

    Throwable timeout = failureOf(stack.closeAsync(SHORT));
    IllegalStateException lateFailure = new IllegalStateException("late close");
    late.completeExceptionally(lateFailure);

    assertThat(timeout).isInstanceOf(TimeoutException.class);
    assertThat(timeout.getSuppressed()).containsExactly(lateFailure);
  }

  /**
   * With an exception in flight, closingAsync attaches its late close failure to that exception
   * itself (a plain cleanup's rule) and reports it unchanged: nothing new for the timeout.
   */
  @Test
  void deadline_lateCloseFailureWithAnExceptionInFlight_isAttachedToThatException()
      throws Exception {
    CompletableFuture<@Nullable Void> late = new CompletableFuture<>();
    AsyncExitStack stack = closingAsyncEntered(late);
    IllegalStateException body = new IllegalStateException("body");

    assertThat(failureOf(stack.closeAsync(body, SHORT))).isSameAs(body);
    Throwable timeout = body.getSuppressed()[0];
    IllegalStateException lateFailure = new IllegalStateException("late close");
    late.completeExceptionally(lateFailure);

    assertThat(timeout).isInstanceOf(TimeoutException.class);
    assertThat(body.getSuppressed()).containsExactly(timeout, lateFailure);
    assertThat(timeout.getSuppressed()).isEmpty();
  }

  /**
   * A late failure that holds the exception in flight, to which the timeout is attached, closes a
   * cycle when attached to the timeout; it is attached all the same, since it is lost otherwise
   * (issue 11: "never lost" ranks above "no cycle").
   */
  @Test
  void lateFailureThatHoldsTheExceptionInFlight_isAttachedAllTheSame() throws Exception {
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(failure -> late, SHORT);
    IllegalStateException body = new IllegalStateException("body");

    assertThat(failureOf(stack.closeAsync(body, SHORT))).isSameAs(body);
    Throwable timeout = body.getSuppressed()[0];
    IllegalStateException lateFailure = new IllegalStateException("wraps the body", body);
    late.completeExceptionally(lateFailure);

    assertThat(timeout).isInstanceOf(TimeoutException.class);
    assertThat(timeout.getSuppressed()).containsExactly(lateFailure);
  }

  /** A nested stack whose exit replaces the exception in flight late holds it (rule 3). */
  @Test
  void timedNestedStackThatReplacesTheFailureLate_withNothingInFlight_isAttached()
      throws Exception {
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    AsyncExitStack inner = new AsyncExitStack();
    inner.pushAsyncExit(failure -> late);
    AsyncExitStack outer = new AsyncExitStack();
    outer.pushAsyncExit(inner, SHORT);

    Throwable timeout = failureOf(outer.closeAsync());
    IllegalStateException lateFailure = new IllegalStateException("late exit");
    late.completeExceptionally(lateFailure);

    assertThat(timeout).isInstanceOf(TimeoutException.class);
    assertThat(timeout.getSuppressed()).containsExactly(lateFailure);
  }

  @Test
  void timedNestedStackThatCompletesLateWithoutAFailure_attachesNothing() throws Exception {
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    AsyncExitStack inner = new AsyncExitStack();
    inner.pushAsyncExit(failure -> late);
    AsyncExitStack outer = new AsyncExitStack();
    outer.pushAsyncExit(inner, SHORT);
    IllegalStateException body = new IllegalStateException("body");

    assertThat(failureOf(outer.closeAsync(body))).isSameAs(body);
    Throwable timeout = body.getSuppressed()[0];
    late.complete(false); // reports the body unchanged: nothing new

    assertThat(timeout).isInstanceOf(TimeoutException.class);
    assertThat(timeout.getSuppressed()).isEmpty();
  }

  /** A manager whose exit suppresses, or throws {@code thrown} at once if it is non-null. */
  private static AsyncContextManager<String> manager(
      boolean suppress, @Nullable RuntimeException thrown) {
    return new AsyncContextManager<>() {
      @Override
      public CompletionStage<String> enterAsync() {
        return CompletableFuture.completedFuture("value");
      }

      @Override
      public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
        if (thrown != null) {
          throw thrown;
        }
        return CompletableFuture.supplyAsync(() -> suppress);
      }
    };
  }

  @Test
  void timedManager_thatCompletesInTime_suppressesAsIfUntimed() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(manager(true, null), Duration.ofSeconds(30));

    assertThat(failureOf(stack.closeAsync(new IllegalStateException("body")))).isNull();
  }

  @Test
  void timedManagerAndHandler_thatThrowAtOnce_replaceTheFailureAsIfUntimed() throws Exception {
    IllegalStateException body = new IllegalStateException("body");
    RuntimeException fromManager = new IllegalArgumentException("manager exit");
    AsyncExitStack managers = new AsyncExitStack();
    managers.pushAsyncExit(manager(false, fromManager), Duration.ofSeconds(30));
    assertThat(failureOf(managers.closeAsync(body))).isSameAs(fromManager);
    assertThat(fromManager.getSuppressed()).containsExactly(body);

    IllegalStateException body2 = new IllegalStateException("body 2");
    Exception fromHandler = new Exception("handler exit");
    AsyncExitStack handlers = new AsyncExitStack();
    handlers.pushAsyncExit(
        failure -> {
          throw fromHandler;
        },
        Duration.ofSeconds(30));
    assertThat(failureOf(handlers.closeAsync(body2))).isSameAs(fromHandler);
    assertThat(fromHandler.getSuppressed()).containsExactly(body2);
  }

  @Test
  void timedManagerWhoseStageFails_replacesTheFailure() throws Exception {
    IllegalStateException body = new IllegalStateException("body");
    IllegalStateException exitFailure = new IllegalStateException("exit stage failed");
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(
        new AsyncContextManager<String>() {
          @Override
          public CompletionStage<String> enterAsync() {
            return CompletableFuture.completedFuture("value");
          }

          @Override
          public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
            return CompletableFuture.failedFuture(exitFailure);
          }
        },
        Duration.ofSeconds(30));

    assertThat(failureOf(stack.closeAsync(body))).isSameAs(exitFailure);
    assertThat(exitFailure.getSuppressed()).containsExactly(body);
  }

  @Test
  void timedNestedStack_itsExitsSeeTheFailure_andCanSuppressIt() throws Exception {
    AsyncExitStack inner = new AsyncExitStack();
    inner.pushAsyncExit(
        failure -> {
          log.add("inner saw " + (failure == null ? "nothing" : failure.getMessage()));
          return CompletableFuture.completedFuture(true);
        });
    AsyncExitStack outer = new AsyncExitStack();
    outer.pushAsyncExit(inner, Duration.ofSeconds(30));

    assertThat(failureOf(outer.closeAsync(new IllegalStateException("body")))).isNull();
    assertThat(log).containsExactly("inner saw body");
  }

  @Test
  void timedGeneratorStyleManager_itsOutcomeIsTakenAsIs() throws Exception {
    IllegalStateException body = new IllegalStateException("body");
    IllegalStateException replacement = new IllegalStateException("thrown by the body's handler");
    AsyncContextManager<String> generator =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync("value")
                    .handle(
                        (ignored, failure) -> {
                          throw replacement; // no implicit chaining: body is not attached
                        }));
    AsyncExitStack stack = new AsyncExitStack();
    assertThat(stack.enterAsyncContext(generator).toCompletableFuture().get()).isEqualTo("value");
    AsyncExitStack timed = new AsyncExitStack();
    timed.pushAsyncExit(stack.popAll(), Duration.ofSeconds(30));

    assertThat(failureOf(timed.closeAsync(body))).isSameAs(replacement);
    assertThat(replacement.getSuppressed()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -5})
  void zeroOrNegativeTimeout_doesNotWait_butCompletedStagesCount(long millis) throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(failure -> CompletableFuture.completedFuture(true));
    stack.pushAsyncCallback(hangs("hangs", new CompletableFuture<>()));

    Throwable thrown = failureOf(stack.closeAsync(Duration.ofMillis(millis)));

    assertThat(thrown).isNull(); // the timeout was in flight, then the completed exit suppressed it
    assertThat(log).containsExactly("hangs");
  }

  @Test
  void hugeTimeout_doesNotOverflow() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> later = new CompletableFuture<>();
    stack.pushAsyncCallback(hangs("completes later", later), Duration.ofSeconds(Long.MAX_VALUE));
    CompletionStage<@Nullable Void> closed = stack.closeAsync(Duration.ofSeconds(Long.MAX_VALUE));

    assertThat(closed.toCompletableFuture()).isNotDone();
    later.complete(null);
    assertThat(failureOf(closed)).isNull();
  }

  @Test
  void stageThatCompletesBeforeALongTimeout_doesNotKeepTheStackReachable() throws Exception {
    java.lang.ref.WeakReference<AsyncExitStack> ref = closeWithLongTimeouts();

    GcTesting.awaitCollected(ref); // fails after 20 s if the timers still hold it

    assertThat(ref.get()).as("collected although its timers have days to run").isNull();
  }

  private static java.lang.ref.WeakReference<AsyncExitStack> closeWithLongTimeouts()
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> later = new CompletableFuture<>();
    stack.pushAsyncCallback(() -> later, Duration.ofDays(1));
    CompletionStage<@Nullable Void> closed = stack.closeAsync(Duration.ofDays(2));
    later.complete(null);
    assertThat(failureOf(closed)).isNull();
    return new java.lang.ref.WeakReference<>(stack);
  }

  @Test
  void afterATimeout_unwindingGoesOnOffTheJdksTimerThread() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<String> ranOn = new CompletableFuture<>();
    stack.callback(() -> ranOn.complete(Thread.currentThread().getName()));
    stack.pushAsyncCallback(hangs("hangs", new CompletableFuture<>()), SHORT);

    assertThat(failureOf(stack.closeAsync())).isInstanceOf(TimeoutException.class);
    assertThat(ranOn.get(30, TimeUnit.SECONDS)).doesNotContain("CompletableFutureDelayScheduler");
  }

  @Test
  void nullTimeout_throwsNamingTheParameter_andRegistersNothing() {
    AsyncExitStack stack = new AsyncExitStack();
    assertThatThrownBy(() -> stack.closeAsync((Duration) nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout cannot be null");
    assertThatThrownBy(() -> stack.pushAsyncCallback(logs("x"), nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout cannot be null");
    assertThatThrownBy(
            () -> stack.pushAsyncExit(f -> CompletableFuture.completedFuture(false), nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout cannot be null");
    assertThatThrownBy(() -> stack.pushAsyncCallback(nullValue(), SHORT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("action cannot be null");
    assertThat(stack.toString()).isEqualTo("AsyncExitStack[0 cleanups]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void stagesRacingTheirTimers_eachCountsExactlyOnce_andTheCloseCompletesOnce(int seed)
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    AtomicInteger started = new AtomicInteger();
    int entries = 300;
    for (int i = 0; i < entries; i++) {
      stack.pushAsyncCallback(
          () -> {
            started.incrementAndGet();
            CompletableFuture<@Nullable Void> stage = new CompletableFuture<>();
            long delay = ThreadLocalRandom.current().nextLong(0, 2_000_000);
            CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS)
                .execute(
                    () -> stage.completeExceptionally(new IllegalStateException("cleanup failed")));
            return stage;
          },
          Duration.ofNanos(1_000_000 + seed));
    }
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = failureOf(stack.closeAsync(body));

    assertThat(thrown).isSameAs(body);
    assertThat(started).hasValue(entries);
    // every entry left exactly one trace: its own failure, or a timeout (with its failure attached
    // later, or not yet)
    assertThat(body.getSuppressed()).hasSize(entries);
    assertThat(body.getSuppressed())
        .allSatisfy(
            t ->
                assertThat(t).isInstanceOfAny(IllegalStateException.class, TimeoutException.class));
  }

  @SuppressWarnings({"TypeParameterUnusedInFormals", "NullAway"})
  private static <T> T nullValue() {
    return null;
  }
}
