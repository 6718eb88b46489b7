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
import static org.contextlib4j.AsyncTesting.done;
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;
import static org.contextlib4j.AsyncTesting.unwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.contextlib4j.GeneratorContextManager.GeneratorExit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Contexts#asyncContextManager}: a body that fails before its yield, a body that returns
 * null instead of a stage or does not wait for its yield (issue 11), or yields twice before the
 * exit, and exits that come before the enter or after the exit.
 */
class AsyncGeneratorContextManagerMisuseTest {

  static final String RETURNED_NULL =
      "the asyncContextManager body returned null; it must return a CompletionStage";

  static final String DID_NOT_WAIT =
      "the asyncContextManager body's stage completed while its yieldAsync stage was still"
          + " pending; a body must wait for (compose on) the stage yieldAsync returns";

  static final String YIELDED_TWICE =
      "the asyncContextManager body called yieldAsync a second time before the block ended; a body"
          + " must yield exactly once and wait for that stage";

  static final String YIELDED_AFTER_END =
      "yieldAsync called after the asyncContextManager body's stage completed; an AsyncYielder may"
          + " be used only by its body, before the body's stage completes";

  private final List<Object> log = new ArrayList<>();

  /**
   * Runs a {@link #notWaiting} manager with {@link Contexts#withAsync}, whose block ends the body's
   * stage with {@code endBody} and then returns {@code blockStage}; returns the result's failure.
   */
  private Throwable failureWhenTheBodyEndsDuringTheBlock(
      Consumer<CompletableFuture<@Nullable Void>> endBody, CompletionStage<String> blockStage) {
    CompletableFuture<@Nullable Void> bodyStage = new CompletableFuture<>();
    return failureOf(
        Contexts.withAsync(
            notWaiting(bodyStage),
            v -> {
              endBody.accept(bodyStage);
              return blockStage;
            }));
  }

  /** {@link Contexts#withAsync} with a block that records that it ran and returns {@code stage}. */
  private CompletionStage<?> withRecordedBlock(
      AsyncContextManager<String> manager, CompletionStage<String> stage) {
    return Contexts.withAsync(
        manager,
        v -> {
          log.add("block ran");
          return stage;
        });
  }

  /** A body that yields, does not wait for the yield's stage, and returns {@code bodyStage}. */
  private AsyncContextManager<String> notWaiting(CompletionStage<?> bodyStage) {
    return Contexts.asyncContextManager(
        y -> {
          var unused =
              y.yieldAsync("v")
                  .whenComplete(
                      (v, failure) -> log.add(failure == null ? "resumed" : unwrap(failure)));
          return bodyStage;
        });
  }

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  @Test
  void enterFailsWithTheBodysOwnException_whenTheBodyThrowsBeforeYielding() {
    Boom boom = new Boom("setup");
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              throw boom;
            });
    assertThat(failureOf(manager.enterAsync())).isSameAs(boom);
    assertThat(boom.getSuppressed()).isEmpty();
  }

  @Test
  void enterFailsWithTheBodysOwnException_whenTheBodysStageFailsBeforeYielding() {
    Boom boom = new Boom("setup");
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(y -> CompletableFuture.failedFuture(boom));
    assertThat(failureOf(manager.enterAsync())).isSameAs(boom);
    assertThat(boom.getSuppressed()).isEmpty();
  }

  @Test
  void exitBeforeEnter_failsWithIllegalState_withTheGivenExceptionAttached() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("v"));
    Boom body = new Boom("body");
    Throwable failure = failureOf(manager.exitAsync(body));
    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("async generator-style context manager exited before it was entered");
    assertThat(failure.getSuppressed()).containsExactly(body);
  }

  @Test
  void exitAfterExit_failsWithIllegalState() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("v"));
    assertThat(join(manager.enterAsync())).isEqualTo("v");
    assertThat(join(manager.exitAsync(null))).isFalse();
    Throwable failure = failureOf(manager.exitAsync(null));
    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("async generator-style context manager exited twice");
    assertThat(failure.getSuppressed()).isEmpty();
  }

  // --- a body that returns null instead of a stage (issue 11, item 6) ---------------------------

  @Test
  void enterFailsWithNullPointerExceptionNamingTheContract_whenTheBodyReturnsNull() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> null);
    CompletionStage<String> entered = manager.enterAsync(); // a stage, never a synchronous throw
    assertThat(failureOf(entered))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(RETURNED_NULL);
  }

  @Test
  void bodyReturningNullAfterYielding_hasItsYieldClosed_soWhatWaitsForItRuns() {
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              var unused =
                  y.yieldAsync("v")
                      .whenComplete((v, failure) -> log.add(failure == null ? "resumed" : failure));
              return null;
            });
    assertThat(failureOf(manager.enterAsync()))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(RETURNED_NULL);
    // Closed as a second yield is (Python's GeneratorExit), not resumed as if a block had run.
    assertThat(log).containsExactly(GeneratorExit.INSTANCE);
  }

  @Test
  void yieldAfterTheBodyReturnedNull_getsAStageFailedWithIllegalState_notTheInternalClose() {
    CompletableFuture<@Nullable Void> later = new CompletableFuture<>();
    AtomicReference<@Nullable CompletionStage<@Nullable Void>> lateYield = new AtomicReference<>();
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              var unused = later.thenRun(() -> lateYield.set(y.yieldAsync("v")));
              return null;
            });
    assertThat(failureOf(manager.enterAsync())).hasMessage(RETURNED_NULL);
    later.complete(null);
    CompletionStage<@Nullable Void> stage = lateYield.get();
    assertThat(stage).isNotNull();
    assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
    assertThat(failureOf(stage))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(YIELDED_AFTER_END);
  }

  @Test
  void yieldOnAnAsyncYielderKeptBeyondItsBody_failsWithIllegalState_withAStackTrace() {
    AtomicReference<@Nullable AsyncYielder<String>> kept = new AtomicReference<>();
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              kept.set(y);
              return y.yieldAsync("v");
            });
    Object result = join(Contexts.withAsync(manager, v -> done()));
    assertThat(result).isNull();
    AsyncYielder<String> yielder = kept.get();
    assertThat(yielder).isNotNull();

    Throwable failure = failureOf(yielder.yieldAsync("again"));

    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(YIELDED_AFTER_END);
    assertThat(failure.getStackTrace()).isNotEmpty();
  }

  @Test
  void withAsync_failsWithTheNullPointerException_withoutRunningTheBlock_whenTheBodyReturnsNull() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> null);
    Throwable failure =
        failureOf(withRecordedBlock(manager, CompletableFuture.completedFuture("r")));
    assertThat(failure).isExactlyInstanceOf(NullPointerException.class).hasMessage(RETURNED_NULL);
    assertThat(log).isEmpty();
  }

  @Test
  void enterAsyncContext_failsWithTheNullPointerException_andTheStackHoldsNothing() {
    AsyncExitStack stack = new AsyncExitStack();
    Throwable failure =
        failureOf(stack.enterAsyncContext(Contexts.<String>asyncContextManager(y -> null)));
    assertThat(failure).isExactlyInstanceOf(NullPointerException.class).hasMessage(RETURNED_NULL);
    Boom body = new Boom("body");
    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(body.getSuppressed()).isEmpty();
  }

  @Test
  void asyncDecorator_failsEachCallWithTheNullPointerException_whenTheBodyReturnsNull() {
    var decorated =
        Contexts.decorateAsyncSupplier(
            Contexts.<String>asyncContextManager(y -> null),
            () -> {
              log.add("supplier ran");
              return CompletableFuture.completedFuture("r");
            });
    assertThat(failureOf(decorated.get())).hasMessage(RETURNED_NULL);
    assertThat(failureOf(decorated.get())).hasMessage(RETURNED_NULL);
    assertThat(log).isEmpty();
  }

  // --- a body that does not wait for its yield (issue 11, item 5) -------------------------------

  @Test
  void enterFailsWithIllegalState_whenTheBodysStageCompletesBeforeTheEnter_withoutWaiting() {
    // The example: the yield's stage is dropped and a completed stage returned.
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              var unused = y.yieldAsync("v");
              return CompletableFuture.completedFuture(null);
            });
    Throwable failure =
        failureOf(withRecordedBlock(manager, CompletableFuture.failedFuture(new Boom("block"))));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  void enterFailsWithIllegalState_withTheBodysFailureAttached_whenItFailsWithoutWaiting() {
    Boom teardown = new Boom("teardown");
    AsyncContextManager<String> manager = notWaiting(CompletableFuture.failedFuture(teardown));
    Throwable failure = failureOf(manager.enterAsync());
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
    assertThat(failure.getSuppressed()).containsExactly(teardown);
    // The dropped yield is closed, as a second yield is, so what waits for it runs.
    assertThat(log).containsExactly(GeneratorExit.INSTANCE);
  }

  @Test
  void exitFailsWithIllegalState_withTheBlocksExceptionAttached_whenTheBodyEndedDuringTheBlock() {
    Boom block = new Boom("block");
    Throwable failure =
        failureWhenTheBodyEndsDuringTheBlock(
            bodyStage -> bodyStage.complete(null), CompletableFuture.failedFuture(block));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
    assertThat(failure.getSuppressed()).containsExactly(block);
    // The yield's stage still completes with the block's outcome: what waits for it runs.
    assertThat(log).containsExactly(block);
  }

  @Test
  void exitFailsWithIllegalState_evenWhenTheBlockSucceeds_whenTheBodyDidNotWait() {
    Throwable failure =
        failureWhenTheBodyEndsDuringTheBlock(
            bodyStage -> bodyStage.complete(null), CompletableFuture.completedFuture("r"));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(log).containsExactly("resumed");
  }

  @Test
  void exitFailsWithIllegalState_withTheBlocksAndTheBodysFailuresAttached_whenTheBodyFailed() {
    Boom block = new Boom("block");
    Boom teardown = new Boom("teardown");
    Throwable failure =
        failureWhenTheBodyEndsDuringTheBlock(
            bodyStage -> bodyStage.completeExceptionally(teardown),
            CompletableFuture.failedFuture(block));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
    assertThat(failure.getSuppressed()).containsExactly(block, teardown);
  }

  @Test
  void asyncExitStack_closeFailsWithIllegalState_withTheBlocksExceptionAttached_whenNotWaited() {
    CompletableFuture<@Nullable Void> bodyStage = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    assertThat(join(stack.enterAsyncContext(notWaiting(bodyStage)))).isEqualTo("v");
    bodyStage.complete(null);
    Boom block = new Boom("block");
    Throwable failure = failureOf(stack.closeAsync(block));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
    assertThat(failure.getSuppressed()).containsExactly(block);
    assertThat(log).containsExactly(block);
  }

  @Test
  void asyncDecorator_failsEachCallWithIllegalState_withTheBlocksExceptionAttached_whenNotWaited() {
    List<CompletableFuture<@Nullable Void>> bodyStages = new ArrayList<>();
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              CompletableFuture<@Nullable Void> bodyStage = new CompletableFuture<>();
              bodyStages.add(bodyStage);
              var unused = y.yieldAsync("v");
              return bodyStage;
            });
    List<Boom> blocks = new ArrayList<>();
    var decorated =
        Contexts.decorateAsyncSupplier(
            manager,
            () -> {
              bodyStages.get(bodyStages.size() - 1).complete(null);
              Boom block = new Boom("block " + blocks.size());
              blocks.add(block);
              return CompletableFuture.<String>failedFuture(block);
            });
    for (int call = 0; call < 2; call++) {
      Throwable failure = failureOf(decorated.get());
      assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
      assertThat(failure.getSuppressed()).containsExactly(blocks.get(call));
    }
  }

  // --- a body that yields twice before the exit ----------------------------------------------

  /**
   * A body that yields "a", then "b" once {@code beforeSecond} completes, without waiting for the
   * first yield's stage. Each yield's stage logs how it completed; the body's stage then logs its
   * teardown (and fails with {@code teardown} if given) after the second yield's stage, and also
   * after the first's if {@code waitsForBoth}.
   */
  private AsyncContextManager<String> yieldingTwice(
      CompletionStage<?> beforeSecond, boolean waitsForBoth, @Nullable Boom teardown) {
    return Contexts.asyncContextManager(
        y -> {
          CompletableFuture<?> first =
              y.yieldAsync("a").handle(logged("first")).toCompletableFuture();
          CompletableFuture<?> second =
              beforeSecond
                  .thenCompose(ignored -> y.yieldAsync("b"))
                  .handle(logged("second"))
                  .toCompletableFuture();
          CompletionStage<?> waited =
              waitsForBoth ? CompletableFuture.allOf(first, second) : second;
          return waited.thenRun(
              () -> {
                log.add("teardown");
                if (teardown != null) {
                  throw teardown;
                }
              });
        });
  }

  /** Logs how a yield's stage completed: resumed, closed (the close signal), or its failure. */
  private BiFunction<@Nullable Void, @Nullable Throwable, @Nullable Void> logged(String yield) {
    return (ignored, failure) -> {
      log.add(
          failure == null
              ? yield + " resumed"
              : unwrap(failure) == GeneratorExit.INSTANCE
                  ? yield + " closed"
                  : yield + " failed with " + unwrap(failure).getMessage());
      return null;
    };
  }

  /**
   * Runs a {@link #yieldingTwice} manager with {@link Contexts#withAsync}; its block makes the body
   * yield again, logs that it ended, and returns {@code blockStage}. Returns the result's failure.
   */
  private Throwable failureWhenTheBodyYieldsAgainDuringTheBlock(
      boolean waitsForBoth, @Nullable Boom teardown, CompletionStage<String> blockStage) {
    CompletableFuture<@Nullable Void> beforeSecond = new CompletableFuture<>();
    return failureOf(
        Contexts.withAsync(
            yieldingTwice(beforeSecond, waitsForBoth, teardown),
            v -> {
              beforeSecond.complete(null);
              log.add("block ended");
              return blockStage;
            }));
  }

  // Regression (review): the second yield replaced the first, whose stage was never completed, so
  // what the body chained on it never ran, and a body waiting for both hung the exit.
  @ParameterizedTest(name = "body waits for both yields: {0}")
  @ValueSource(booleans = {false, true})
  void enterFailsWithIllegalState_andClosesBothYields_whenTheBodyYieldsTwiceBeforeTheEnter(
      boolean waitsForBoth) {
    Throwable failure =
        failureOf(
            withRecordedBlock(
                yieldingTwice(done(), waitsForBoth, null), CompletableFuture.completedFuture("r")));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(YIELDED_TWICE);
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(log).containsExactly("first closed", "second closed", "teardown");
  }

  @Test
  void enterFailsWithIllegalState_withTheBodysFailureAttached_whenItYieldedTwiceAndFailed() {
    Boom teardown = new Boom("teardown");
    Throwable failure = failureOf(yieldingTwice(done(), true, teardown).enterAsync());
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(YIELDED_TWICE);
    assertThat(failure.getSuppressed()).containsExactly(teardown);
    assertThat(log).containsExactly("first closed", "second closed", "teardown");
  }

  @Test
  void enterFailsWithIllegalState_andClosesEveryYield_whenTheBodyYieldsThreeTimes() {
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              var unused = y.yieldAsync("a").handle(logged("first"));
              var unused2 = y.yieldAsync("b").handle(logged("second"));
              return y.yieldAsync("c").handle(logged("third"));
            });
    assertThat(failureOf(manager.enterAsync())).hasMessage(YIELDED_TWICE);
    assertThat(log).containsExactly("first closed", "second closed", "third closed");
  }

  @Test
  void enterAsyncContext_failsWithIllegalState_andTheStackHoldsNothing_whenTheBodyYieldsTwice() {
    AsyncExitStack stack = new AsyncExitStack();
    Throwable failure = failureOf(stack.enterAsyncContext(yieldingTwice(done(), true, null)));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(YIELDED_TWICE);
    assertThat(log).containsExactly("first closed", "second closed", "teardown");
    Boom body = new Boom("body");
    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(body.getSuppressed()).isEmpty();
  }

  @ParameterizedTest(name = "body waits for both yields: {0}, block fails: {1}")
  @CsvSource({"false, false", "false, true", "true, false", "true, true"})
  void exitFailsWithIllegalState_withTheBlocksExceptionAttached_whenTheBodyYieldedAgainDuringIt(
      boolean waitsForBoth, boolean blockFails) {
    Boom block = blockFails ? new Boom("block") : null;
    Throwable failure =
        failureWhenTheBodyYieldsAgainDuringTheBlock(
            waitsForBoth,
            null,
            block == null
                ? CompletableFuture.completedFuture("r")
                : CompletableFuture.failedFuture(block));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(YIELDED_TWICE);
    // Reported even when the block succeeded: nothing is attached then.
    assertThat(failure.getSuppressed())
        .containsExactlyElementsOf(block == null ? List.of() : List.of(block));
    // Both yields are closed, and only once the block has ended: the teardown never overlaps it.
    assertThat(log).containsExactly("block ended", "first closed", "second closed", "teardown");
  }

  @Test
  void exitFailsWithIllegalState_withTheBlocksAndTheBodysFailuresAttached_whenItYieldedTwice() {
    Boom block = new Boom("block");
    Boom teardown = new Boom("teardown");
    Throwable failure =
        failureWhenTheBodyYieldsAgainDuringTheBlock(
            true, teardown, CompletableFuture.failedFuture(block));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(YIELDED_TWICE);
    assertThat(failure.getSuppressed()).containsExactly(block, teardown);
  }

  @ParameterizedTest(name = "block fails: {0}")
  @ValueSource(booleans = {false, true})
  void asyncExitStack_closeFailsWithIllegalState_whenTheBodyYieldedAgainAfterTheEnter(
      boolean blockFails) {
    CompletableFuture<@Nullable Void> beforeSecond = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    assertThat(join(stack.enterAsyncContext(yieldingTwice(beforeSecond, true, null))))
        .isEqualTo("a");
    beforeSecond.complete(null);
    assertThat(log).isEmpty(); // neither yield is closed while the block may still run
    Boom block = blockFails ? new Boom("block") : null;
    Throwable failure = failureOf(block == null ? stack.closeAsync() : stack.closeAsync(block));
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(YIELDED_TWICE);
    assertThat(failure.getSuppressed())
        .containsExactlyElementsOf(block == null ? List.of() : List.of(block));
    assertThat(log).containsExactly("first closed", "second closed", "teardown");
  }

  @Test
  void
      yieldAfterTheBodysStageCompleted_failsAtOnceWithIllegalState_andTheFirstYieldStillCompletes() {
    CompletableFuture<@Nullable Void> bodyStage = new CompletableFuture<>();
    AtomicReference<@Nullable AsyncYielder<String>> yielder = new AtomicReference<>();
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              yielder.set(y);
              var unused = y.yieldAsync("a").handle(logged("first"));
              return bodyStage;
            });
    Boom block = new Boom("block");
    Throwable failure =
        failureOf(
            Contexts.withAsync(
                manager,
                v -> {
                  bodyStage.complete(null);
                  AsyncYielder<String> y = yielder.get();
                  assertThat(y).isNotNull();
                  var unused = y.yieldAsync("b").handle(logged("second"));
                  return CompletableFuture.<String>failedFuture(block);
                }));
    // The body did not wait for its first yield: that misuse came first and is the one reported.
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage(DID_NOT_WAIT);
    assertThat(failure.getSuppressed()).containsExactly(block);
    assertThat(log)
        .containsExactly("second failed with " + YIELDED_AFTER_END, "first failed with block");
  }

  // The misuse error stops the body's InterruptedException from propagating itself: as whenever
  // the library ends up suppressing one, the status is set again on the caller's thread (the body
  // failed inside the enterAsync call here).

  @Test
  void enterSetsTheInterruptStatusAgain_whenTheBodyFailsInterruptedWithoutWaiting() {
    InterruptedException interrupted = new InterruptedException("body interrupted");
    Throwable failure =
        failureOf(notWaiting(CompletableFuture.failedFuture(interrupted)).enterAsync());
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class);
    assertThat(failure.getSuppressed()).containsExactly(interrupted);
    assertThat(Thread.interrupted()).as("the status was set again").isTrue();
  }

  @Test
  void enterSetsTheInterruptStatusAgain_whenTheBodyYieldedTwiceAndFailedInterrupted() {
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              var unused = y.yieldAsync("a");
              var unused2 = y.yieldAsync("b");
              return CompletableFuture.failedFuture(new InterruptedException("body interrupted"));
            });
    Throwable failure = failureOf(manager.enterAsync());
    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class);
    assertThat(failure.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).as("the status was set again").isTrue();
  }
}
