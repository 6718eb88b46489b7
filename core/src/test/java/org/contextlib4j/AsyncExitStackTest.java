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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of {@link AsyncExitStack} and the async entry points that the sync stack does not have:
 * waiting for stages, threads, cancellation, concurrent close, async generator-style managers and
 * decorators. The behaviours shared with {@link ExitStack} are in the contract suite.
 */
class AsyncExitStackTest {

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  /** The failure of a stage, unwrapped, or null if it completed normally. */
  private static @Nullable Throwable failureOf(CompletionStage<?> stage) throws Exception {
    try {
      stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (CancellationException e) {
      return e; // get() throws a cancellation itself, not wrapped
    }
  }

  private static String label(@Nullable Throwable t) {
    return t == null ? "none" : String.valueOf(t.getMessage());
  }

  @Test
  void waitsForEachAsyncExit_beforeStartingTheNext_inReverseOrder() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<Boolean> first = new CompletableFuture<>();
    CompletableFuture<Boolean> second = new CompletableFuture<>();
    stack.callback(() -> log.add("sync outer"));
    stack.pushAsyncExit(
        failure -> {
          log.add("first saw " + label(failure));
          return first;
        });
    stack.pushAsyncExit(
        failure -> {
          log.add("second saw " + label(failure));
          return second;
        });
    CompletionStage<@Nullable Void> closed = stack.closeAsync(new Boom("body"));
    assertThat(log).containsExactly("second saw body");
    second.completeExceptionally(new Boom("replaced"));
    assertThat(log).containsExactly("second saw body", "first saw replaced");
    assertThat(closed.toCompletableFuture()).isNotDone();
    first.complete(true);
    assertThat(log).containsExactly("second saw body", "first saw replaced", "sync outer");
    assertThat(failureOf(closed)).isNull(); // suppressed by the first exit
  }

  @Test
  void closeAsync_neverThrows_whenAnExitThrowsSynchronously() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    Boom thrown = new Boom("sync throw");
    stack.pushAsyncExit(
        failure -> {
          throw thrown;
        });
    CompletionStage<@Nullable Void> closed = stack.closeAsync();
    assertThat(failureOf(closed)).isSameAs(thrown);
  }

  @Test
  void completionExceptionAroundAFailure_isRemoved() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    Boom cause = new Boom("real");
    stack.pushAsyncCallback(
        () ->
            CompletableFuture.completedFuture(1)
                .thenApply(
                    v -> {
                      throw cause; // dependent stages wrap this in a CompletionException
                    }));
    Throwable out = failureOf(stack.closeAsync());
    assertThat(out).isSameAs(cause);
    assertThat(out).isNotInstanceOf(CompletionException.class);
  }

  @Test
  void secondCloseWhileOneIsRunning_runsNothing_andCompletesWhenTheFirstDoes() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.pushAsyncCallback(
        () -> {
          log.add("ran");
          return slow;
        });
    CompletionStage<@Nullable Void> first = stack.closeAsync();
    CompletionStage<@Nullable Void> second = stack.closeAsync();
    assertThat(second.toCompletableFuture()).isNotDone();
    slow.complete(null);
    assertThat(failureOf(first)).isNull();
    assertThat(failureOf(second)).isNull();
    assertThat(log).containsExactly("ran");
    // Afterwards the stack is empty and reusable.
    stack.callback(() -> log.add("again"));
    assertThat(failureOf(stack.closeAsync())).isNull();
    assertThat(log).containsExactly("ran", "again");
  }

  @Test
  void reentrantCloseFromACleanup_runsTheRemainingCleanups_insteadOfWaitingForItself()
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(
        () -> {
          log.add("outer");
          return CompletableFuture.completedFuture(null);
        });
    stack.pushAsyncCallback(
        () -> {
          log.add("closing from inside");
          return stack.closeAsync();
        });
    stack.pushAsyncCallback(
        () -> {
          log.add("first");
          return CompletableFuture.completedFuture(null);
        });
    assertThat(failureOf(stack.closeAsync())).isNull();
    assertThat(log).containsExactly("first", "closing from inside", "outer");
  }

  /**
   * An unwinding that resumes on another thread while this one still runs must not leave this
   * thread marked as the stack's driver once both are done: a later close from this thread would
   * then be taken for a re-entrant one, and a close from another thread would not wait for it.
   */
  @Test
  void aReentrantCloseResumedOnAnotherThread_leavesNoStaleDriver_soALaterSecondCloseStillWaits()
      throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> stage = new CompletableFuture<>();
    CountDownLatch resumedElsewhere = new CountDownLatch(1);
    CountDownLatch outerDone = new CountDownLatch(1);
    AtomicReference<@Nullable CompletionStage<@Nullable Void>> reentrant = new AtomicReference<>();
    stack.callback( // run by the re-entrant unwinding, on the thread that completes `stage`
        () -> {
          resumedElsewhere.countDown();
          assertThat(outerDone.await(30, TimeUnit.SECONDS)).isTrue();
        });
    stack.callback( // run by the outer unwinding, on this thread
        () -> {
          new Thread(() -> stage.complete(null), "completer").start();
          assertThat(resumedElsewhere.await(30, TimeUnit.SECONDS)).isTrue();
        });
    stack.pushAsyncCallback(() -> stage); // awaited by the re-entrant unwinding
    stack.callback(() -> reentrant.set(stack.closeAsync())); // the re-entrant close

    assertThat(failureOf(stack.closeAsync())).isNull();
    outerDone.countDown();
    CompletionStage<@Nullable Void> inner = reentrant.get();
    assertThat(inner).isNotNull();
    assertThat(failureOf(inner)).isNull();

    // Idle and empty again: a close from this thread waits for a stage, and a close from another
    // thread must run nothing until the first has finished.
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    stack.callback(() -> log.add("ran"));
    stack.pushAsyncCallback(() -> slow);
    CompletionStage<@Nullable Void> first = stack.closeAsync();
    CompletionStage<@Nullable Void> second =
        CompletableFuture.supplyAsync(stack::closeAsync).get(30, TimeUnit.SECONDS);

    assertThat(log).as("ran while the first close was still waiting").isEmpty();
    assertThat(second.toCompletableFuture()).isNotDone();
    slow.complete(null);
    assertThat(failureOf(first)).isNull();
    assertThat(failureOf(second)).isNull();
    assertThat(log).containsExactly("ran");
  }

  @Test
  void outerClose_reachingANestedStackWhoseOwnCloseRuns_waitsForIt_beforeGoingOn()
      throws Exception {
    AsyncExitStack outer = new AsyncExitStack();
    AsyncExitStack inner = new AsyncExitStack();
    CompletableFuture<@Nullable Void> slow = new CompletableFuture<>();
    outer.callback(() -> log.add("outer, registered first"));
    inner.callback(() -> log.add("inner, registered first"));
    inner.pushAsyncCallback(
        () -> {
          log.add("inner, slow");
          return slow;
        });
    outer.pushAsyncExit(inner);
    CompletionStage<@Nullable Void> innerClose = inner.closeAsync(); // waits for `slow`

    CompletionStage<@Nullable Void> outerClose = outer.closeAsync();

    assertThat(log).containsExactly("inner, slow");
    assertThat(outerClose.toCompletableFuture()).isNotDone();
    slow.complete(null);
    assertThat(failureOf(innerClose)).isNull();
    assertThat(failureOf(outerClose)).isNull();
    assertThat(log)
        .containsExactly("inner, slow", "inner, registered first", "outer, registered first");
  }

  @Test
  void nestedStackDrainedInPlace_closedReentrantlyByItsOwnCleanup_runsTheRestAtOnce()
      throws Exception {
    AsyncExitStack outer = new AsyncExitStack();
    AsyncExitStack inner = new AsyncExitStack();
    outer.callback(() -> log.add("outer"));
    inner.callback(() -> log.add("inner, registered first"));
    inner.pushAsyncCallback(
        () -> {
          log.add("closing inner from inside");
          return inner.closeAsync();
        });
    outer.pushAsyncExit(inner);

    assertThat(failureOf(outer.closeAsync())).isNull();
    assertThat(log)
        .containsExactly("closing inner from inside", "inner, registered first", "outer");
  }

  @Test
  void cancelledBody_isSeenByExitsAsCancellationException() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<String> body = new CompletableFuture<>();
    stack.pushAsyncExit(
        failure -> {
          log.add("exit saw " + (failure == null ? "none" : failure.getClass().getSimpleName()));
          return CompletableFuture.completedFuture(false);
        });
    CompletionStage<@Nullable String> result = Contexts.withAsync(stack, s -> body);
    body.cancel(false);
    assertThat(failureOf(result)).isInstanceOf(CancellationException.class);
    assertThat(log).containsExactly("exit saw CancellationException");
  }

  @Test
  void enterAsyncContext_registersNothing_whenEnterFails() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    Boom enterFailure = new Boom("enter");
    AsyncContextManager<String> failing =
        Contexts.resourceAsync(
            () -> CompletableFuture.failedFuture(enterFailure),
            (r, failure) -> {
              log.add("release must not run");
              return CompletableFuture.completedFuture(false);
            });
    assertThat(failureOf(stack.enterAsyncContext(failing))).isSameAs(enterFailure);
    assertThat(failureOf(stack.closeAsync())).isNull();
    assertThat(log).isEmpty();
  }

  @Test
  void syncAndAsyncEntries_unwindAsOneStack_andSyncFailuresFollowTheSameRule() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    Boom closeFailure = new Boom("close");
    stack.register(
        () -> {
          log.add("closed");
          throw closeFailure;
        });
    stack.pushAsyncExit(
        failure -> {
          log.add("async saw " + label(failure));
          return CompletableFuture.supplyAsync(() -> false);
        });
    stack.push(
        failure -> {
          log.add("sync saw " + label(failure));
          return false;
        });
    Boom body = new Boom("body");
    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(log).containsExactly("sync saw body", "async saw body", "closed");
    assertThat(body.getSuppressed()).containsExactly(closeFailure);
  }

  @Test
  void nestedAsyncStack_passesTheExceptionThrough_withoutAttachingItTwice() throws Exception {
    AsyncExitStack outer = new AsyncExitStack();
    AsyncExitStack inner = new AsyncExitStack();
    Boom replacement = new Boom("replacement");
    outer.pushAsyncExit(
        failure -> {
          log.add("outer saw " + label(failure));
          return CompletableFuture.completedFuture(false);
        });
    assertThat(failureOf(outer.enterAsyncContext(inner))).isNull();
    inner.pushAsyncExit(
        failure -> {
          log.add("inner saw " + label(failure));
          return CompletableFuture.failedFuture(replacement);
        });
    Boom body = new Boom("body");
    assertThat(failureOf(outer.closeAsync(body))).isSameAs(replacement);
    assertThat(log).containsExactly("inner saw body", "outer saw replacement");
    assertThat(replacement.getSuppressed()).containsExactly(body);
  }

  @Test
  void withAsync_returnsTheBodysResult_orNullWhenTheExitSuppresses() throws Exception {
    AsyncContextManager<String> suppressing =
        Contexts.resourceAsync(
            () -> CompletableFuture.completedFuture("r"),
            (r, failure) -> CompletableFuture.completedFuture(true));
    CompletionStage<@Nullable String> ok =
        Contexts.withAsync(suppressing, r -> CompletableFuture.completedFuture(r + "!"));
    assertThat(ok.toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo("r!");
    CompletionStage<@Nullable String> suppressed =
        Contexts.withAsync(suppressing, r -> CompletableFuture.failedFuture(new Boom("x")));
    assertThat(suppressed.toCompletableFuture().get(30, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void withAsync_bodyThrowingSynchronously_isTheExceptionInFlight() throws Exception {
    Boom x = new Boom("x");
    AsyncContextManager<String> manager = Contexts.nullContextAsync("v");
    CompletionStage<@Nullable String> result =
        Contexts.withAsync(
            manager,
            v -> {
              throw x;
            });
    assertThat(failureOf(result)).isSameAs(x);
  }

  @Test
  void closingAsync_keepsTheBodysException_whenCloseFails() throws Exception {
    Boom closeFailure = new Boom("close");
    Boom x = new Boom("x");
    CompletionStage<@Nullable Object> result =
        Contexts.withAsync(
            Contexts.closingAsync("resource", r -> CompletableFuture.failedFuture(closeFailure)),
            r -> CompletableFuture.failedFuture(x));
    assertThat(failureOf(result)).isSameAs(x);
    assertThat(x.getSuppressed()).containsExactly(closeFailure);
  }

  @Test
  void asyncGeneratorStyleManager_seesTheBlocksException_andSuppressesByCompletingNormally()
      throws Exception {
    Boom x = new Boom("x");
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync("v")
                    .handle(
                        (ignored, failure) -> {
                          log.add("teardown saw " + label(failure));
                          return null;
                        }));
    CompletionStage<@Nullable Object> result =
        Contexts.withAsync(manager, v -> CompletableFuture.failedFuture(x));
    assertThat(failureOf(result)).isNull();
    assertThat(log).containsExactly("teardown saw x");
  }

  @Test
  void asyncGeneratorStyleManager_thatNeverYields_failsWithDidntYield() throws Exception {
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(y -> CompletableFuture.completedFuture(null));
    Throwable out =
        failureOf(Contexts.withAsync(manager, v -> CompletableFuture.completedFuture(v)));
    assertThat(out)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the asyncContextManager body ended without calling yieldAsync; a body must call"
                + " yieldAsync exactly once");
  }

  @Test
  void asyncGeneratorStyleManager_thatYieldsTwice_isClosed_andFailsWithDidntStopAfterThrow()
      throws Exception {
    Boom x = new Boom("x");
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync("first")
                    .handle((v, failure) -> null) // swallow x
                    .thenCompose(v -> y.yieldAsync("second"))
                    .whenComplete((v, failure) -> log.add("finally")));
    Throwable out = failureOf(Contexts.withAsync(manager, v -> CompletableFuture.failedFuture(x)));
    assertThat(out)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the asyncContextManager body called yieldAsync a second time, after the block's exception"
                + " was thrown into it (attached); a body must call yieldAsync exactly once");
    assertThat(out.getSuppressed()).containsExactly(x);
    assertThat(log).containsExactly("finally");
  }

  @Test
  void asyncGeneratorStyleManager_isOneShot() throws Exception {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("v"));
    assertThat(failureOf(Contexts.withAsync(manager, CompletableFuture::completedFuture))).isNull();
    assertThat(failureOf(Contexts.withAsync(manager, CompletableFuture::completedFuture)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one-shot");
  }

  @Test
  void theSeedsAsyncDecoratorExample_printsStartingTheBitInTheMiddleFinishing() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Supplier<AsyncContextManager<Object>> mycontext =
        () ->
            Contexts.asyncContextManager(
                y -> {
                  out.println("Starting");
                  return y.yieldAsync(null).whenComplete((v, failure) -> out.println("Finishing"));
                });
    Supplier<CompletionStage<@Nullable Void>> function =
        Contexts.decorateAsyncSupplier(
            mycontext.get(),
            () -> CompletableFuture.runAsync(() -> out.println("The bit in the middle")));
    function.get().toCompletableFuture().get(30, TimeUnit.SECONDS);
    function.get().toCompletableFuture().get(30, TimeUnit.SECONDS); // recreated per call
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "Starting",
            "The bit in the middle",
            "Finishing",
            "Starting",
            "The bit in the middle",
            "Finishing");
  }

  @Test
  void nullArguments_throwNullPointerExceptionAtOnce() {
    AsyncExitStack stack = new AsyncExitStack();
    assertThatThrownBy(() -> stack.enterAsyncContext(nul()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("manager cannot be null");
    assertThatThrownBy(() -> stack.pushAsyncExit((AsyncExitHandler) nul()))
        .hasMessage("handler cannot be null");
    assertThatThrownBy(() -> stack.pushAsyncCallback(nul())).hasMessage("action cannot be null");
    assertThatThrownBy(() -> stack.closeAsync((Throwable) nul()))
        .hasMessage("failure cannot be null");
    assertThat(stack).hasToString("AsyncExitStack[0 cleanups]");
  }

  @SuppressWarnings("TypeParameterUnusedInFormals")
  private static <T> T nul() {
    return null;
  }
}
