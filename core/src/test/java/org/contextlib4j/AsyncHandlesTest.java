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
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.contextlib4j.AsyncTesting.done;
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Handles on asynchronous registrations (issue 13): {@link AsyncExitStack#handles()} offers {@code
 * pushAsyncCallback}, {@code pushAsyncExit}, {@code enterAsyncContext} and {@code registerAsync},
 * each returning a {@link Registration} with the contract of the synchronous handles: the cleanup
 * runs at most once, whichever of cancel, run early and the unwinding comes first.
 */
class AsyncHandlesTest {

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private AsyncCleanupAction logs(String name) {
    return () -> {
      log.add(name);
      return done();
    };
  }

  /** An async manager that logs its exit, with the exception it saw. */
  private final class Logging implements AsyncContextManager<String> {
    private final String name;

    Logging(String name) {
      this.name = name;
    }

    @Override
    public CompletionStage<String> enterAsync() {
      log.add("enter " + name);
      return CompletableFuture.completedFuture(name + " value");
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      log.add("exit " + name + " saw " + (failure == null ? "nothing" : failure.getMessage()));
      return CompletableFuture.completedFuture(false);
    }
  }

  @Test
  void cancelledAsyncCallback_doesNotRun_andTheOthersRunInOrder() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(logs("a"));
    Registration<AsyncCleanupAction> b = stack.handles().pushAsyncCallback(logs("b"));
    stack.callback(() -> log.add("c"));

    assertThat(b.cancel()).isTrue();
    join(stack.closeAsync());

    assertThat(log).containsExactly("c", "a");
    assertThat(b.isPending()).isFalse();
    assertThat(b.cancel()).isFalse();
  }

  @Test
  void runNowAsync_startsTheCleanupNow_completesWithItsStage_andTheCloseSkipsIt() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> flushed = new CompletableFuture<>();
    stack.pushAsyncCallback(logs("older"));
    Registration<AsyncCleanupAction> flush =
        stack
            .handles()
            .pushAsyncCallback(
                () -> {
                  log.add("flush");
                  return flushed;
                });

    CompletionStage<Boolean> ran = flush.runNowAsync();
    assertThat(log).containsExactly("flush");
    assertThat(ran.toCompletableFuture().isDone()).isFalse();
    flushed.complete(null);

    assertThat(join(ran)).isTrue();
    assertThat(join(flush.runNowAsync())).isFalse();
    assertThat(flush.cancel()).isFalse();
    join(stack.closeAsync());
    assertThat(log).containsExactly("flush", "older");
  }

  @Test
  void runNowAsync_failsWithTheCleanupsOwnException() {
    AsyncExitStack stack = new AsyncExitStack();
    IllegalStateException failed = new IllegalStateException("flush failed");
    Registration<AsyncCleanupAction> flush =
        stack.handles().pushAsyncCallback(() -> CompletableFuture.failedFuture(failed));

    assertThat(failureOf(flush.runNowAsync())).isSameAs(failed);
    join(stack.closeAsync()); // ran already: nothing to fail
  }

  @Test
  void runNow_onAnAsyncRegistration_throws_andLeavesItPending() {
    AsyncExitStack stack = new AsyncExitStack();
    Registration<AsyncCleanupAction> handle = stack.handles().pushAsyncCallback(logs("a"));

    assertThatIllegalStateException()
        .isThrownBy(handle::runNow)
        .withMessageContaining("runNowAsync()");
    assertThat(handle.isPending()).isTrue();
    join(stack.closeAsync());

    assertThat(log).containsExactly("a");
  }

  @Test
  void runNowAsync_onASynchronousRegistration_runsItAtOnce() {
    AsyncExitStack stack = new AsyncExitStack();
    Registration<CleanupAction> handle = stack.handles().callback(() -> log.add("sync"));

    CompletionStage<Boolean> ran = handle.runNowAsync();

    assertThat(ran.toCompletableFuture().getNow(null)).isTrue();
    join(stack.closeAsync());
    assertThat(log).containsExactly("sync");
  }

  @Test
  void pushAsyncExitHandle_seesTheExceptionInFlight_andAManagersHandleCanBeCancelled() {
    AsyncExitStack stack = new AsyncExitStack();
    Registration<AsyncExitHandler> handler =
        stack
            .handles()
            .pushAsyncExit(
                failure -> {
                  log.add("handler saw " + failure.getMessage());
                  return CompletableFuture.completedFuture(false);
                });
    Logging manager = new Logging("m");
    Registration<AsyncContextManager<String>> exit = stack.handles().pushAsyncExit(manager);
    IllegalStateException body = new IllegalStateException("body");

    assertThat(exit.value()).isSameAs(manager);
    assertThat(exit.cancel()).isTrue();
    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);

    assertThat(log).containsExactly("handler saw body");
    assertThat(handler.isPending()).isFalse();
  }

  @Test
  void enterAsyncContextHandle_holdsTheEnteredValue_andCancellingItSkipsTheExit() {
    AsyncExitStack stack = new AsyncExitStack();
    Registration<String> a = join(stack.handles().enterAsyncContext(new Logging("a")));
    Registration<String> b = join(stack.handles().enterAsyncContext(new Logging("b")));

    assertThat(a.value()).isEqualTo("a value");
    assertThat(b.cancel()).isTrue();
    join(stack.closeAsync());

    assertThat(log).containsExactly("enter a", "enter b", "exit a saw nothing");
  }

  @Test
  void enterAsyncContextHandle_whoseEnterFails_registersNothing_andFailsWithTheSameInstance() {
    AsyncExitStack stack = new AsyncExitStack();
    IllegalStateException refused = new IllegalStateException("refused");
    AsyncContextManager<String> failing =
        new AsyncContextManager<>() {
          @Override
          public CompletionStage<String> enterAsync() {
            return CompletableFuture.failedFuture(refused);
          }

          @Override
          public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
            log.add("exit");
            return CompletableFuture.completedFuture(false);
          }
        };

    assertThat(failureOf(stack.handles().enterAsyncContext(failing))).isSameAs(refused);
    join(stack.closeAsync());
    assertThat(log).isEmpty();
  }

  @Test
  void enterAsyncContextHandle_completingAfterTheCloseFinished_exitsAtOnce_andFails() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<String> entering = new CompletableFuture<>();
    AsyncContextManager<String> late =
        new AsyncContextManager<>() {
          @Override
          public CompletionStage<String> enterAsync() {
            return entering;
          }

          @Override
          public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
            log.add("late exit");
            return CompletableFuture.completedFuture(false);
          }
        };
    CompletionStage<Registration<String>> handle = stack.handles().enterAsyncContext(late);
    join(stack.closeAsync());

    entering.complete("value");

    assertThat(failureOf(handle)).isInstanceOf(IllegalStateException.class);
    assertThat(log).containsExactly("late exit");
  }

  @Test
  void registerAsync_returnsTheValue_andItsCleanupReceivesIt_inLifoOrder() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.callback(() -> log.add("first"));
    String value =
        stack.registerAsync(
            "session",
            s -> {
              log.add("released " + s);
              return done();
            });
    Registration<String> handle =
        stack
            .handles()
            .registerAsync(
                "cancelled",
                s -> {
                  log.add("released " + s);
                  return done();
                });
    stack.callback(() -> log.add("last"));

    assertThat(value).isEqualTo("session");
    assertThat(handle.value()).isEqualTo("cancelled");
    assertThat(handle.cancel()).isTrue();
    join(stack.closeAsync());

    assertThat(log).containsExactly("last", "released session", "first");
  }

  /**
   * Cancel or run early on this thread while {@code closeAsync} runs on another: the cleanup runs
   * exactly once, unless the cancel won (then never), and the close never loses it.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void racingCancelOrRunNowAsync_withCloseAsyncOnAnotherThread_runTheCleanupOnceOrNever(int seed)
      throws Exception {
    for (int round = 0; round < 2_000; round++) {
      AsyncExitStack stack = new AsyncExitStack();
      AtomicInteger runs = new AtomicInteger();
      AsyncCleanupAction counted =
          () -> {
            runs.incrementAndGet();
            return done();
          };
      Registration<AsyncCleanupAction> handle = stack.handles().pushAsyncCallback(counted);
      stack.pushAsyncCallback(logs("older")); // runs after the handle: the close got past it
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<@Nullable Void> closed =
          CompletableFuture.supplyAsync(
                  () -> {
                    await(start);
                    return stack.closeAsync();
                  })
              .thenCompose(stage -> stage);
      boolean runEarly = (round + seed) % 2 == 0;
      start.countDown();
      boolean won = runEarly ? join(handle.runNowAsync()) : handle.cancel();
      closed.get(30, TimeUnit.SECONDS);

      if (runEarly) {
        assertThat(runs.get()).isEqualTo(1);
      } else {
        assertThat(runs.get()).isEqualTo(won ? 0 : 1);
      }
      assertThat(handle.isPending()).isFalse();
    }
    assertThat(log).hasSize(2_000).containsOnly("older");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
