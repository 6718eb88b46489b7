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
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncExitStack} with stages that are not plain {@link CompletableFuture}s or are null, and
 * the results of a close or exit asked for while another close is running.
 */
class AsyncExitStackStagesTest {

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  private final List<String> log = new ArrayList<>();

  private static String label(@Nullable Throwable t) {
    return t == null ? "none" : String.valueOf(t.getMessage());
  }

  // completedStage/failedStage return a CompletableFuture subclass whose isDone() and join()
  // throw UnsupportedOperationException: the stack must only use the CompletionStage methods.
  @Test
  void awaitsAlreadyCompletedMinimalStages_andTheirResultSuppresses() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(
        failure -> {
          log.add("outer saw " + label(failure));
          return CompletableFuture.completedStage(false);
        });
    stack.pushAsyncExit(
        failure -> {
          log.add("suppressor saw " + label(failure));
          return CompletableFuture.completedStage(true);
        });
    assertThat(join(stack.exitAsync(new Boom("body")))).isTrue();
    assertThat(log).containsExactly("suppressor saw body", "outer saw none");
  }

  @Test
  void attachesTheFailureOfAnAlreadyFailedMinimalStage_toTheExceptionInFlight() {
    AsyncExitStack stack = new AsyncExitStack();
    Boom cleanupFailure = new Boom("cleanup");
    stack.pushAsyncCallback(() -> CompletableFuture.failedStage(cleanupFailure));
    Boom body = new Boom("body");
    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(body.getSuppressed()).containsExactly(cleanupFailure);
  }

  @Test
  void secondCloseAndExit_whileACloseIsRunning_completeWithNothingInFlight_whenItFinishes() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.pushAsyncCallback(
        () -> {
          log.add("ran");
          return slow;
        });
    CompletionStage<@Nullable Void> first = stack.closeAsync();
    CompletionStage<@Nullable Void> second = stack.closeAsync();
    CompletionStage<Boolean> exit = stack.exitAsync(null);
    assertThat(second.toCompletableFuture()).isNotDone();
    assertThat(exit.toCompletableFuture()).isNotDone();

    slow.complete(null);

    assertThat((Object) join(first)).isNull();
    assertThat((Object) join(second)).isNull(); // a Void stage: completes with null, nothing else
    assertThat(join(exit)).isFalse(); // nothing was given, so nothing ended suppressed
    assertThat(log).containsExactly("ran");
  }

  @Test
  void secondCloseOrExitWithAFailure_whileACloseIsRunning_keepsThatFailureInFlight() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.pushAsyncCallback(() -> slow);
    CompletionStage<@Nullable Void> first = stack.closeAsync();
    IllegalStateException exitFailure = new IllegalStateException("block of the second exit");
    IllegalStateException closeFailure = new IllegalStateException("given to the second close");
    IllegalStateException inFlightFailure = new IllegalStateException("given to exitInFlight");
    CompletionStage<Boolean> exit = stack.exitAsync(exitFailure);
    CompletionStage<@Nullable Void> close = stack.closeAsync(closeFailure);
    CompletionStage<@Nullable Throwable> inFlight = stack.exitInFlightAsync(inFlightFailure);

    slow.complete(null);

    assertThat((Object) join(first)).isNull();
    assertThat(join(exit)).isFalse(); // not suppressed: nothing ran for it
    assertThat(failureOf(close)).isSameAs(closeFailure);
    assertThat(join(inFlight)).isSameAs(inFlightFailure);
    assertThat(exitFailure.getSuppressed()).isEmpty();
  }

  // A null stage: that entry's failure, as Python's `await None` fails only that callback.

  @Test
  void asyncCallbackReturningNull_failsOnlyThatCleanup_andTheRestStillRun() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.callback(() -> log.add("below"));
    stack.pushAsyncCallback(() -> null);

    CompletionStage<@Nullable Void> closed = stack.closeAsync(); // does not throw

    assertThat(log).containsExactly("below");
    assertThat(failureOf(closed))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the stage returned by runAsync() cannot be null");
    // The close has ended: a later one does not wait for it.
    stack.callback(() -> log.add("again"));
    assertThat(join(stack.closeAsync())).isNull();
    assertThat(log).containsExactly("below", "again");
  }

  @Test
  void asyncExitReturningNull_afterTheUnwindingResumedElsewhere_stillCompletesTheClose() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.pushAsyncExit(failure -> null);
    stack.pushAsyncCallback(() -> slow);
    CompletionStage<@Nullable Void> closed = stack.closeAsync();

    slow.complete(null); // resumes the unwinding here, inside complete()

    assertThat(failureOf(closed))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the stage returned by exitAsync() cannot be null");
  }

  @Test
  void managerWhoseEnterReturnsNull_failsTheStage_ofEnterAsyncContextAndWithAsync() {
    AsyncContextManager<String> broken =
        new AsyncContextManager<>() {
          @Override
          @SuppressWarnings("NullAway") // the point of the test
          public CompletionStage<String> enterAsync() {
            return null;
          }

          @Override
          public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
            log.add("exit must not run");
            return CompletableFuture.completedFuture(false);
          }
        };
    AsyncExitStack stack = new AsyncExitStack();

    assertThat(failureOf(stack.enterAsyncContext(broken)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the stage returned by enterAsync() cannot be null");
    assertThat(failureOf(Contexts.withAsync(broken, CompletableFuture::completedFuture)))
        .isInstanceOf(NullPointerException.class);
    assertThat(join(stack.closeAsync())).isNull();
    assertThat(log).isEmpty();
  }

  // The stage a close returns is the caller's own: what the caller does with it cannot end the
  // wait of a second close.

  @Test
  void secondClose_stillWaitsForTheRunningClose_whenTheFirstCallerCancelledItsStage() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.callback(() -> log.add("below"));
    stack.pushAsyncCallback(() -> slow);
    CompletionStage<@Nullable Void> first = stack.closeAsync();
    first.toCompletableFuture().cancel(false); // the first caller stops waiting

    CompletionStage<@Nullable Void> second = stack.closeAsync();

    assertThat(log).isEmpty(); // the first close is still waiting for `slow`
    assertThat(second.toCompletableFuture()).isNotDone();
    slow.complete(null);
    assertThat(join(second)).isNull();
    assertThat(log).containsExactly("below");
  }

  @Test
  void secondTimedClose_stillWaitsForTheRunningClose_whenTheFirstCallerTimedOutItsStage() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.pushAsyncCallback(() -> slow);
    CompletableFuture<@Nullable Void> first =
        stack.closeAsync().toCompletableFuture().orTimeout(1, TimeUnit.MILLISECONDS);
    assertThat(failureOf(first)).isInstanceOf(TimeoutException.class);

    CompletionStage<@Nullable Void> second = stack.closeAsync(Duration.ofHours(1));

    assertThat(second.toCompletableFuture()).isNotDone();
    slow.complete(null);
    assertThat(join(second)).isNull();
  }

  /** The stage of a close that completes later gives its callbacks the exception itself. */
  @Test
  void pendingClosesStage_failsWithTheExceptionItself_inCallbacksToo() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    Boom boom = new Boom("cleanup failed");
    stack.pushAsyncCallback(() -> slow);
    java.util.concurrent.atomic.AtomicReference<@Nullable Throwable> seen =
        new java.util.concurrent.atomic.AtomicReference<>();

    CompletionStage<@Nullable Void> closed = stack.closeAsync();
    var unused = closed.whenComplete((v, failure) -> seen.set(failure));
    slow.completeExceptionally(boom);

    assertThat(seen.get()).isSameAs(boom);
    assertThat(failureOf(closed)).isSameAs(boom);
  }
}
