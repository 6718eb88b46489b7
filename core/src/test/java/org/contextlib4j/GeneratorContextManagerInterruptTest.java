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
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;
import static org.contextlib4j.ExitStackContract.sneaky;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interrupt status after a generator-style body stops the with-block's {@link
 * InterruptedException} (issue 11, item 8): it returns after catching it, or throws another
 * exception instead. The exception no longer propagates by itself, so the interrupt is set again,
 * as {@link Contexts#suppress} does: on the thread that runs the block (callback mode: the caller;
 * split mode: the thread that calls exit, never the helper thread the body runs on), and in the
 * async form only on the thread that called the exit, if the outcome is decided during that call.
 */
class GeneratorContextManagerInterruptTest {

  static final class Replacement extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Replacement(String message) {
      super(message);
    }
  }

  private final InterruptedException interrupted = new InterruptedException("block interrupted");
  private final Replacement replacement = new Replacement("thrown instead");

  @BeforeEach
  @AfterEach
  void clearInterrupt() {
    boolean ignored = Thread.interrupted();
  }

  /** A body that catches what the block throws and returns: suppression. */
  private static <T> GeneratorBody<T> swallowing(T value) {
    return y -> {
      try {
        y.yield(value);
      } catch (InterruptedException e) {
        // swallowed: the body's own decision
      }
    };
  }

  /** A body that catches the block's InterruptedException and throws {@code instead}. */
  private static <T> GeneratorBody<T> replacing(T value, RuntimeException instead) {
    return y -> {
      try {
        y.yield(value);
      } catch (InterruptedException e) {
        throw instead;
      }
    };
  }

  // --- callback mode ---------------------------------------------------------------------------

  /**
   * Runs, with {@link Contexts#run}, a block that throws {@link #interrupted} inside {@code body};
   * returns what propagates, or null.
   */
  private @Nullable Throwable runInterruptedBlock(GeneratorBody<String> body) {
    return catchThrowable(
        () ->
            Contexts.run(
                Contexts.contextManager(body),
                v -> {
                  throw interrupted;
                }));
  }

  @Test
  void run_setsTheInterruptStatusAgain_whenTheBodySwallowsTheBlocksInterruptedException() {
    assertThat(runInterruptedBlock(swallowing("v"))).isNull();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void with_setsTheInterruptStatusAgain_whenTheBodyThrowsAnotherExceptionInstead() {
    Throwable thrown =
        catchThrowable(
            () ->
                Contexts.with(
                    Contexts.contextManager(replacing("v", replacement)),
                    v -> {
                      throw interrupted;
                    }));
    assertThat(thrown).isSameAs(replacement);
    assertThat(replacement.getSuppressed())
        .isEmpty(); // the body attached nothing: nor does the library
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void decorator_setsTheInterruptStatusAgain_whenTheBodySwallowsTheBlocksInterruptedException() {
    Runnable decorated =
        Contexts.decorateRunnable(
            Contexts.contextManager(swallowing("v")),
            () -> {
              throw sneaky(interrupted);
            });
    decorated.run();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  /** Passes before the fix as well: the boundary, an exception that propagates keeps its own. */
  @Test
  void run_leavesTheInterruptStatusAlone_whenTheBodyLetsTheInterruptedExceptionContinue() {
    Throwable thrown =
        runInterruptedBlock(
            y -> {
              try {
                y.yield("v");
              } finally {
                // teardown only: the exception continues
              }
            });
    assertThat(thrown).isSameAs(interrupted);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  /**
   * Passes before the fix as well (ExceptionRule set it); kept because the error is now made
   * without ExceptionRule, whose interrupt would land on a stage's thread in the async form.
   */
  @Test
  void run_setsTheInterruptStatusAgain_whenTheBodyYieldsAgainAfterCatchingIt() {
    Throwable thrown =
        runInterruptedBlock(
            y -> {
              try {
                y.yield("v");
              } catch (InterruptedException e) {
                y.yield("again");
              }
            });
    assertThat(thrown)
        .isNotNull()
        .hasMessage(
            "the contextManager body called yield a second time, after the block's exception was thrown"
                + " into it (attached); a body must call yield exactly once");
    assertThat(thrown.getSuppressed()).containsExactly(interrupted);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  // --- split mode ------------------------------------------------------------------------------

  @Test
  void splitMode_setsTheCallersInterruptStatus_notTheHelpers_whenTheBodySwallowsIt()
      throws Exception {
    AtomicReference<@Nullable Thread> helper = new AtomicReference<>();
    ContextManager<String> manager =
        SplitModes.onThreads(
            y -> {
              helper.set(Thread.currentThread());
              swallowing("v").run(y);
            });
    // The block runs on the caller's thread; the body waits on its helper thread.
    Contexts.run(
        new ExitStack(),
        stack -> {
          assertThat(stack.enterContext(manager)).isEqualTo("v");
          throw interrupted;
        });
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    Thread thread = helper.get();
    assertThat(thread).isNotNull().isNotSameAs(Thread.currentThread());
    assertThat(thread.isInterrupted()).as("the helper's interrupt status").isFalse();
  }

  @Test
  void splitMode_exitSetsTheCallersInterruptStatus_whenTheBodyThrowsAnotherExceptionInstead()
      throws Exception {
    ContextManager<String> manager = Contexts.contextManager(replacing("v", replacement));
    assertThat(manager.enter()).isEqualTo("v");
    assertThat(catchThrowable(() -> manager.exit(interrupted))).isSameAs(replacement);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  /**
   * A stack driver that runs on a thread which merely completed a stage (the async stack after its
   * caller has left) tells the exit so, and the exit then sets no thread's interrupt status.
   */
  @Test
  void splitModeExit_leavesTheInterruptStatusAlone_whenItsDriverMayNotSetIt() throws Exception {
    GeneratorContextManager<String> manager =
        (GeneratorContextManager<String>) Contexts.contextManager(swallowing("v"));
    assertThat(manager.enter()).isEqualTo("v");
    assertThat(manager.exitInFlight(interrupted, false)).isNull();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  // --- async form ------------------------------------------------------------------------------

  @Test
  void exitInFlightAsync_leavesTheInterruptStatusAlone_whenItsDriverMayNotSetIt() {
    AsyncGeneratorContextManager<String> manager =
        (AsyncGeneratorContextManager<String>) swallowingAsync();
    assertThat(join(manager.enterAsync())).isEqualTo("v");
    CompletionStage<@Nullable Throwable> exited = manager.exitInFlightAsync(interrupted, false);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(join(exited)).isNull();
  }

  /** An async body that swallows what the block failed with. */
  private static AsyncContextManager<String> swallowingAsync() {
    return Contexts.asyncContextManager(y -> y.yieldAsync("v").handle((ignored, failure) -> null));
  }

  @Test
  void withAsync_setsTheInterruptStatusOfTheCaller_whenTheOutcomeIsDecidedDuringTheCall() {
    // The block's stage has failed already, so the exit runs, and ends, inside withAsync.
    CompletionStage<@Nullable String> result =
        Contexts.withAsync(swallowingAsync(), v -> CompletableFuture.failedFuture(interrupted));
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(Thread.interrupted()).isTrue(); // cleared, for join
    assertThat(join(result)).isNull();
  }

  @Test
  void closeAsync_setsTheInterruptStatusOfTheCaller_whenTheOutcomeIsDecidedDuringTheCall() {
    AsyncExitStack stack = new AsyncExitStack();
    assertThat(join(stack.enterAsyncContext(swallowingAsync()))).isEqualTo("v");
    CompletionStage<@Nullable Void> closed = stack.closeAsync(interrupted);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(join(closed)).isNull();
  }

  @Test
  void asyncDecorator_setsTheInterruptStatusOfTheCaller_whenTheOutcomeIsDecidedDuringTheCall() {
    CompletionStage<@Nullable String> result =
        Contexts.decorateAsyncSupplier(
                swallowingAsync(), () -> CompletableFuture.<String>failedFuture(interrupted))
            .get();
    assertThat(Thread.interrupted()).isTrue();
    assertThat(join(result)).isNull();
  }

  @Test
  void exitAsync_setsTheInterruptStatusOfTheCaller_whenTheBodyThrowsAnotherExceptionInstead() {
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync("v")
                    .handle(
                        (ignored, failure) -> {
                          throw replacement;
                        }));
    assertThat(join(manager.enterAsync())).isEqualTo("v");
    CompletionStage<Boolean> exited = manager.exitAsync(interrupted);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(failureOf(exited)).isSameAs(replacement);
  }

  /**
   * Passes before the fix as well: when the body's teardown ends later, on the thread that
   * completes the stage it waits for, no thread is interrupted (that thread merely completed a
   * stage; the exit's caller has moved on).
   */
  @Test
  void exitAsync_interruptsNoThread_whenTheOutcomeIsDecidedLaterOnAnotherThread() throws Exception {
    CompletableFuture<@Nullable Void> teardown = new CompletableFuture<>();
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> y.yieldAsync("v").handle((ignored, failure) -> null).thenCompose(n -> teardown));
    assertThat(join(manager.enterAsync())).isEqualTo("v");
    CompletionStage<Boolean> exited = manager.exitAsync(interrupted);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(completedOnAnotherThread_wasItInterrupted(teardown)).isFalse();
    assertThat(join(exited)).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void exitAsync_interruptsNoThread_whenTheBodyYieldsAgainLaterOnAnotherThread() throws Exception {
    CompletableFuture<@Nullable Void> later = new CompletableFuture<>();
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync("v")
                    .handle((ignored, failure) -> null)
                    .thenCompose(n -> later)
                    .thenCompose(n -> y.yieldAsync("again")));
    assertThat(join(manager.enterAsync())).isEqualTo("v");
    CompletionStage<Boolean> exited = manager.exitAsync(interrupted);
    assertThat(completedOnAnotherThread_wasItInterrupted(later)).isFalse();
    Throwable failure = failureOf(exited);
    assertThat(failure)
        .hasMessage(
            "the asyncContextManager body called yieldAsync a second time, after the block's"
                + " exception was thrown into it (attached); a body must call yieldAsync exactly"
                + " once");
    assertThat(failure.getSuppressed()).containsExactly(interrupted);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  /** Completes {@code stage} on a new thread; returns that thread's interrupt status after. */
  private static boolean completedOnAnotherThread_wasItInterrupted(
      CompletableFuture<@Nullable Void> stage) throws InterruptedException {
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    Thread completer =
        new Thread(
            () -> {
              stage.complete(null);
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            },
            "completer");
    completer.start();
    completer.join();
    return interruptedAfter.get();
  }
}
