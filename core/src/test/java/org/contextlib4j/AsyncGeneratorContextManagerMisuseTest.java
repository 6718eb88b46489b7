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
import static org.contextlib4j.AsyncTesting.unwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.contextlib4j.GeneratorContextManager.GeneratorExit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link Contexts#asyncContextManager}: a body that fails before its yield, a body that returns
 * null instead of a stage or does not wait for its yield (issue 11), and exits that come before the
 * enter or after the exit.
 */
class AsyncGeneratorContextManagerMisuseTest {

  static final String RETURNED_NULL =
      "the asyncContextManager body returned null; it must return a CompletionStage";

  static final String DID_NOT_WAIT =
      "the asyncContextManager body's stage completed while its yieldAsync stage was still"
          + " pending; a body must wait for (compose on) the stage yieldAsync returns";

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
  void yieldAfterTheBodyReturnedNull_getsAClosedStageAtOnce() {
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
    assertThat(failureOf(stage)).isSameAs(GeneratorExit.INSTANCE);
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
}
