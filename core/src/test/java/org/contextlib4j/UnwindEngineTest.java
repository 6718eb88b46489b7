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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The unwind engine shared by the three stacks, on the cases that broke when each stack had a loop
 * of its own (issue 11 of the project): mixed nesting deep enough to overflow a recursion, two
 * concurrent stacks closed into each other from two threads, the identity of a cancellation on JDK
 * 25, interrupts on the thread that merely completes a stage, and an async entry that completes
 * after the close began.
 */
class UnwindEngineTest {

  @AfterEach
  void clearInterrupt() {
    var unused = Thread.interrupted();
  }

  // --- mixed nesting -----------------------------------------------------------------------------

  /** Measured before: 1,129 of 40,000 cleanups ran, then StackOverflowError. */
  @Test
  void alternatingExitStackAndConcurrentExitStack_40000Deep_everyCleanupRunsInOrder()
      throws Exception {
    int depth = 40_000;
    int[] order = new int[depth];
    AtomicInteger ran = new AtomicInteger();
    ExitStack root = new ExitStack();
    AbstractExitStack current = root;
    for (int i = 0; i < depth; i++) {
      int id = i;
      current.callback(() -> order[ran.getAndIncrement()] = id);
      AbstractExitStack inner = i % 2 == 0 ? new ConcurrentExitStack() : new ExitStack();
      switch (i % 3) {
        case 0 -> current.push((ContextManager<?>) inner);
        case 1 -> current.register((AutoCloseable) inner);
        default -> current.enterContext(Contexts.closing((AutoCloseable) inner));
      }
      current = inner;
    }

    assertThat(SmallStack.run(root::close)).isNull();
    assertThat(ran).hasValue(depth);
    for (int i = 0; i < depth; i++) {
      assertThat(order[i]).isEqualTo(depth - 1 - i);
    }
  }

  /** Measured before: 561 of 20,000 cleanups ran, then StackOverflowError. */
  @Test
  void asyncStacksNestedWithATimeout_20000Deep_everyCleanupRunsInOrder() throws Exception {
    int depth = 20_000;
    int[] order = new int[depth];
    AtomicInteger ran = new AtomicInteger();
    AsyncExitStack root = new AsyncExitStack();
    AsyncExitStack current = root;
    for (int i = 0; i < depth; i++) {
      int id = i;
      current.callback(() -> order[ran.getAndIncrement()] = id);
      AsyncExitStack inner = new AsyncExitStack();
      current.pushAsyncExit(inner, Duration.ofMinutes(1));
      current = inner;
    }
    AtomicReference<CompletableFuture<@Nullable Void>> closed = new AtomicReference<>();

    assertThat(SmallStack.run(() -> closed.set(root.closeAsync().toCompletableFuture()))).isNull();
    assertThat(closed.get().get(60, TimeUnit.SECONDS)).isNull();
    assertThat(ran).hasValue(depth);
    for (int i = 0; i < depth; i++) {
      assertThat(order[i]).isEqualTo(depth - 1 - i);
    }
  }

  /** Async levels, linked in the three ways, each holding sync stacks through toAsync. */
  @Test
  void asyncLevelsHoldingSyncStacks_20000Deep_everyCleanupRuns() throws Exception {
    int depth = 20_000;
    AtomicInteger ran = new AtomicInteger();
    AsyncExitStack root = new AsyncExitStack();
    AsyncExitStack current = root;
    for (int i = 0; i < depth; i++) {
      ExitStack sync = new ExitStack();
      sync.callback(ran::incrementAndGet);
      ConcurrentExitStack concurrent = new ConcurrentExitStack();
      concurrent.callback(ran::incrementAndGet);
      sync.register(concurrent);
      current.pushAsyncExit(Contexts.toAsync(sync));
      AsyncExitStack inner = new AsyncExitStack();
      switch (i % 3) {
        case 0 -> current.pushAsyncExit(inner);
        case 1 -> current.pushAsyncExit(inner, Duration.ofMinutes(1));
        default -> join(current.enterAsyncContext(inner));
      }
      current = inner;
    }
    AtomicReference<CompletableFuture<@Nullable Void>> closed = new AtomicReference<>();

    assertThat(SmallStack.run(() -> closed.set(root.closeAsync().toCompletableFuture()))).isNull();
    assertThat(closed.get().get(60, TimeUnit.SECONDS)).isNull();
    assertThat(ran).hasValue(2 * depth);
  }

  /**
   * A nested stack registered with a timeout is drained in place: its exits see and may suppress
   * the exception in flight as an untimed one's do, and a stage of it that does not complete in
   * time is a plain cleanup's failure; its older entries still run, at once.
   */
  @Test
  void timedNestedStack_aStuckEntryTimesOut_andItsOtherEntriesStillRun() {
    List<String> log = new ArrayList<>();
    AsyncExitStack inner = new AsyncExitStack();
    inner.callback(() -> log.add("inner oldest"));
    inner.pushAsyncCallback(() -> new CompletableFuture<>()); // never completes
    inner.push(
        failure -> {
          log.add("inner exit saw " + (failure == null ? null : failure.getMessage()));
          return false;
        });
    AsyncExitStack outer = new AsyncExitStack();
    outer.callback(() -> log.add("outer"));
    outer.pushAsyncExit(inner, Duration.ofMillis(50));
    IllegalStateException body = new IllegalStateException("body");

    assertThat(failureOf(outer.closeAsync(body))).isSameAs(body);
    assertThat(log).containsExactly("inner exit saw body", "inner oldest", "outer");
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(TimeoutException.class);
    assertThat(body.getSuppressed()[0])
        .hasMessageContaining("the timeout of PT0.05S of the nested stack");
  }

  /** Nested timeouts: the earliest deadline of the frames a stage is in applies. */
  @Test
  void timedStackInATimedStack_theEarlierDeadlineApplies_whicheverIsInside() {
    for (boolean outerIsShorter : new boolean[] {true, false}) {
      AsyncExitStack innermost = new AsyncExitStack();
      innermost.pushAsyncCallback(() -> new CompletableFuture<>()); // never completes
      AsyncExitStack middle = new AsyncExitStack();
      middle.pushAsyncExit(
          innermost, outerIsShorter ? Duration.ofMinutes(5) : Duration.ofMillis(50));
      AsyncExitStack outer = new AsyncExitStack();
      outer.pushAsyncExit(middle, outerIsShorter ? Duration.ofMillis(50) : Duration.ofMinutes(5));

      Throwable timeout = failureOf(outer.closeAsync());
      assertThat(timeout)
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("the timeout of PT0.05S");
    }
  }

  // --- two concurrent stacks in a cycle, closed from two threads
  // ----------------------------------

  /**
   * Measured before: a deadlock (each close waited for the other). Now the thread that finds the
   * cycle does not wait: the nested stack's close is left to the thread that runs it, and every
   * cleanup runs exactly once.
   */
  @Test
  void twoConcurrentStacksInEachOther_closedFromTwoThreads_noDeadlock_eachCleanupRunsOnce()
      throws Exception {
    for (int round = 0; round < 20; round++) {
      ConcurrentExitStack a = new ConcurrentExitStack();
      ConcurrentExitStack b = new ConcurrentExitStack();
      AtomicInteger aRan = new AtomicInteger();
      AtomicInteger bRan = new AtomicInteger();
      AtomicReference<@Nullable Thread> aRanOn = new AtomicReference<>();
      AtomicReference<@Nullable Thread> bRanOn = new AtomicReference<>();
      CyclicBarrier bothClosing = new CyclicBarrier(2);
      a.callback(
          () -> {
            aRan.incrementAndGet();
            aRanOn.set(Thread.currentThread());
          });
      a.push(b);
      a.callback(() -> bothClosing.await(10, TimeUnit.SECONDS)); // runs first: both own theirs
      b.callback(
          () -> {
            bRan.incrementAndGet();
            bRanOn.set(Thread.currentThread());
          });
      b.push(a);
      b.callback(() -> bothClosing.await(10, TimeUnit.SECONDS));
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread t1 = daemon(a, failures);
      Thread t2 = daemon(b, failures);
      t1.start();
      t2.start();
      t1.join(30_000);
      t2.join(30_000);

      assertThat(t1.isAlive() || t2.isAlive()).as("a close is stuck (deadlock)").isFalse();
      assertThat(failures).isEmpty();
      assertThat(aRan).hasValue(1);
      assertThat(bRan).hasValue(1);
      // Each stack's cleanups run on the thread that owns its close: the one that found the cycle
      // did not take the other's over.
      assertThat(aRanOn.get()).isSameAs(t1);
      assertThat(bRanOn.get()).isSameAs(t2);
      assertThat(a.toString()).contains("closed");
      assertThat(b.toString()).contains("closed");
    }
  }

  private static Thread daemon(ConcurrentExitStack stack, List<Throwable> failures) {
    Thread thread =
        new Thread(
            () -> {
              try {
                stack.close();
              } catch (Throwable t) {
                failures.add(t);
              }
            });
    thread.setDaemon(true); // a deadlocked one must not keep the test JVM alive
    return thread;
  }

  // --- cancellation identity ---------------------------------------------------------------------

  /** Measured before on JDK 25: a new CancellationException("join") came out instead. */
  @Test
  void stageFailedWithACancellationException_thatSameInstanceComesOut() {
    CancellationException mine = new CancellationException("mine");
    CompletableFuture<@Nullable Void> failed = new CompletableFuture<>();
    failed.completeExceptionally(mine);
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(() -> failed);

    assertThat(failureOf(stack.closeAsync())).isSameAs(mine);
  }

  @Test
  void cancelledStage_itsOwnCancellationExceptionComesOut_completedBeforeOrAfter() {
    CompletableFuture<@Nullable Void> before = new CompletableFuture<>();
    before.cancel(true);
    Throwable cancellation = before.handle((v, x) -> x).join();
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(() -> before);
    assertThat(failureOf(stack.closeAsync())).isSameAs(cancellation);

    CompletableFuture<@Nullable Void> later = new CompletableFuture<>();
    stack.pushAsyncCallback(() -> later);
    CompletableFuture<@Nullable Void> closed = stack.closeAsync().toCompletableFuture();
    later.cancel(true);
    assertThat(failureOf(closed)).isSameAs(later.handle((v, x) -> x).join());
  }

  @Test
  void cancellationAsAnExitsFailure_sameInstance_andTheExitsAfterItSeeIt() {
    CancellationException mine = new CancellationException("mine");
    CompletableFuture<Boolean> failed = new CompletableFuture<>();
    failed.completeExceptionally(mine);
    AtomicReference<@Nullable Throwable> seen = new AtomicReference<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.push(
        failure -> {
          seen.set(failure);
          return false;
        });
    stack.pushAsyncExit(failure -> failed);

    assertThat(failureOf(stack.closeAsync())).isSameAs(mine);
    assertThat(seen.get()).isSameAs(mine);
  }

  // --- interrupts and the thread that completes a stage -----------------------------------------

  /**
   * Measured before: the InterruptedException, attached to the exception in flight, interrupted the
   * I/O thread that merely called completeExceptionally.
   */
  @Test
  void interruptedExceptionFailingAStage_doesNotInterruptTheThreadThatCompletedIt()
      throws Exception {
    CompletableFuture<@Nullable Void> stage = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.callback(() -> {}); // a sync entry that runs on the completing thread, after the stage
    stack.pushAsyncCallback(() -> stage);
    IllegalStateException body = new IllegalStateException("body");
    CompletableFuture<@Nullable Void> closed = stack.closeAsync(body).toCompletableFuture();
    boolean completerInterrupted =
        completeOnAnotherThread(
            () -> stage.completeExceptionally(new InterruptedException("I/O interrupted")));

    assertThat(failureOf(closed)).isSameAs(body);
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
    assertThat(completerInterrupted).as("the completing thread was interrupted").isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void interruptedExceptionSuppressedOnAnotherThread_interruptsNoThread() throws Exception {
    CompletableFuture<Boolean> stage = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.push(failure -> true); // suppresses, on whichever thread runs it
    stack.pushAsyncExit(failure -> stage);
    CompletableFuture<@Nullable Void> closed =
        stack.closeAsync(new InterruptedException("block")).toCompletableFuture();
    boolean completerInterrupted = completeOnAnotherThread(() -> stage.complete(false));

    assertThat(join(closed)).isNull();
    assertThat(completerInterrupted).as("the completing thread was interrupted").isFalse();
  }

  /**
   * A withAsync over suppress(InterruptedException) whose body is {@code body}, and a withAsync
   * over closingAsync whose close is {@code closeFails} and whose body fails at once with {@code
   * blockFailure}: both fold a failure in a stage's callback.
   */
  private record TwoWithAsyncs(
      CompletableFuture<String> body,
      CompletionStage<@Nullable String> suppressing,
      CompletableFuture<@Nullable Void> closeFails,
      IllegalStateException blockFailure,
      CompletionStage<Object> attaching) {

    static TwoWithAsyncs start() {
      CompletableFuture<String> body = new CompletableFuture<>();
      CompletionStage<@Nullable String> suppressing =
          Contexts.withAsync(
              Contexts.toAsync(Contexts.suppress(InterruptedException.class)), v -> body);
      CompletableFuture<@Nullable Void> closeFails = new CompletableFuture<>();
      IllegalStateException blockFailure = new IllegalStateException("block");
      CompletionStage<Object> attaching =
          Contexts.withAsync(
              Contexts.closingAsync(new Object(), r -> closeFails),
              r -> CompletableFuture.failedFuture(blockFailure));
      return new TwoWithAsyncs(body, suppressing, closeFails, blockFailure, attaching);
    }

    void failBody() {
      body.completeExceptionally(new InterruptedException("block interrupted"));
    }

    void failClose() {
      closeFails.completeExceptionally(new InterruptedException("close interrupted"));
    }

    /** The first suppressed the InterruptedException, the second attached it to blockFailure. */
    void assertOutcome() {
      assertThat(join(suppressing)).isNull();
      assertThat(failureOf(attaching)).isSameAs(blockFailure);
      assertThat(blockFailure.getSuppressed())
          .singleElement()
          .isInstanceOf(InterruptedException.class);
    }
  }

  /** withAsync and closingAsync fold in a stage's callback: on the completing thread, no reset. */
  @Test
  void withAsyncAndClosingAsync_onTheThreadThatCompletesTheBody_interruptNoThread()
      throws Exception {
    TwoWithAsyncs calls = TwoWithAsyncs.start();
    boolean completerInterrupted =
        completeOnAnotherThread(
            () -> {
              calls.failBody();
              calls.failClose();
            });

    calls.assertOutcome();
    assertThat(completerInterrupted).as("the completing thread was interrupted").isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  /**
   * withAsync and closingAsync on the caller's own thread, completed after the call returned: that
   * thread merely completes a stage then, as any other would, and its status is left alone.
   */
  @Test
  void withAsyncAndClosingAsync_completedByTheCallerAfterTheCallReturned_interruptNoThread() {
    TwoWithAsyncs calls = TwoWithAsyncs.start();

    calls.failBody();
    assertThat(Thread.currentThread().isInterrupted()).as("after the suppression").isFalse();
    calls.failClose();

    calls.assertOutcome();
    assertThat(Thread.currentThread().isInterrupted()).as("after the attachment").isFalse();
  }

  @Test
  void withAsyncWhoseBodyFailsAtOnce_onTheCallersThread_setsTheStatus() {
    CompletionStage<@Nullable String> suppressing =
        Contexts.withAsync(
            Contexts.toAsync(Contexts.suppress(InterruptedException.class)),
            v -> CompletableFuture.failedFuture(new InterruptedException("block interrupted")));

    assertThat(join(suppressing)).isNull();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  /** The caller completing a stage after closeAsync returned merely completes it too. */
  @Test
  void callerThatCompletesAStageAfterCloseAsyncReturned_isNotInterrupted() {
    CompletableFuture<@Nullable Void> stage = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.push(failure -> true); // suppresses the InterruptedException, after the stage
    stack.pushAsyncCallback(() -> stage);
    CompletableFuture<@Nullable Void> closed =
        stack.closeAsync(new InterruptedException("block")).toCompletableFuture();
    stage.complete(null); // on this thread, after closeAsync returned

    assertThat(join(closed)).isNull();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  /**
   * A sync stack registered as a resource of an async stack, whose close fails with an
   * InterruptedException: folded by the async driver, which sets the status again inside the call
   * on the caller's thread only.
   */
  @Test
  void syncStackAsAResourceOfAnAsyncStack_failingWithAnInterruptedException_onTheCaller() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.register(failsInterrupted());
    IllegalStateException body = new IllegalStateException("body");

    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void syncStackAsAResourceOfAnAsyncStack_failingWithAnInterruptedException_onAnotherThread()
      throws Exception {
    CompletableFuture<@Nullable Void> stage = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.register(failsInterrupted()); // runs after the stage, on the thread that completes it
    stack.pushAsyncCallback(() -> stage);
    IllegalStateException body = new IllegalStateException("body");
    CompletableFuture<@Nullable Void> closed = stack.closeAsync(body).toCompletableFuture();
    boolean completerInterrupted = completeOnAnotherThread(() -> stage.complete(null));

    assertThat(failureOf(closed)).isSameAs(body);
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
    assertThat(completerInterrupted).as("the completing thread was interrupted").isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  /** An ExitStack whose one cleanup fails with an InterruptedException. */
  private static ExitStack failsInterrupted() {
    ExitStack inner = new ExitStack();
    inner.callback(
        () -> {
          throw new InterruptedException("close interrupted");
        });
    return inner;
  }

  /** A sync stack inside an async one (toAsync) follows the async driver's policy. */
  @Test
  void syncStackThroughToAsync_suppressingOnTheCompletingThread_interruptsNoThread()
      throws Exception {
    ExitStack sync = new ExitStack();
    sync.push(failure -> true);
    CompletableFuture<@Nullable Void> stage = new CompletableFuture<>();
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(Contexts.toAsync(sync));
    stack.pushAsyncCallback(() -> stage);
    CompletableFuture<@Nullable Void> closed =
        stack.closeAsync(new InterruptedException("block")).toCompletableFuture();
    boolean completerInterrupted = completeOnAnotherThread(() -> stage.complete(null));

    assertThat(join(closed)).isNull();
    assertThat(completerInterrupted).as("the completing thread was interrupted").isFalse();
  }

  /**
   * toAsync(closing(stack)): the stack is closed as a resource, its exits see nothing in flight.
   */
  @Test
  void syncStackThroughToAsyncClosing_isClosedAsAResource() {
    AtomicReference<@Nullable Throwable> seen = new AtomicReference<>(new Error("not run"));
    ExitStack sync = new ExitStack();
    sync.push(
        failure -> {
          seen.set(failure);
          return true; // would suppress, were it an exit of ours
        });
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(Contexts.toAsync(Contexts.closing(sync)));
    IllegalStateException body = new IllegalStateException("body");

    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(seen.get()).isNull();
  }

  /** A nested stack registered as a resource whose close fails with an InterruptedException. */
  @Test
  void nestedStackAsAResource_failingWithAnInterruptedException_setsTheStatusAgain() {
    ExitStack inner = new ExitStack();
    inner.callback(
        () -> {
          throw new InterruptedException("close interrupted");
        });
    ExitStack outer = new ExitStack();
    outer.register(inner);
    IllegalStateException body = new IllegalStateException("body");

    assertThat(catchThrowable(() -> outer.close(body))).isSameAs(body);
    assertThat(body.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void interruptedExceptionFoldedOnTheCallersThread_insideTheCall_stillSetsTheStatus() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(
        () -> CompletableFuture.failedFuture(new InterruptedException("close interrupted")));
    IllegalStateException body = new IllegalStateException("body");

    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  // --- an async entry that completes after the close began ---------------------------------------

  /**
   * Enters, on a new stack, a manager whose enter completes only when the returned future does,
   * then closes the stack; {@code exit} is the manager's exit.
   */
  private static CompletableFuture<String> enteredAfterTheClose(
      AsyncExitStack stack, Supplier<CompletableFuture<Boolean>> exit) {
    CompletableFuture<String> entering = new CompletableFuture<>();
    AsyncContextManager<String> manager =
        new AsyncContextManager<>() {
          @Override
          public CompletableFuture<String> enterAsync() {
            return entering;
          }

          @Override
          public CompletableFuture<Boolean> exitAsync(@Nullable Throwable failure) {
            return exit.get();
          }
        };
    CompletableFuture<String> entered = stack.enterAsyncContext(manager).toCompletableFuture();
    assertThat(join(stack.closeAsync())).isNull();
    entering.complete("connection");
    return entered;
  }

  /** Measured before: the entry stayed on the stack after the close, and its exit never ran. */
  @Test
  void enterAsyncContextCompletingAfterTheClose_exitRunsAtOnce_andTheEnterFails() {
    AtomicInteger exits = new AtomicInteger();
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<String> entered =
        enteredAfterTheClose(
            stack,
            () -> {
              exits.incrementAndGet();
              return CompletableFuture.completedFuture(false);
            });

    assertThat(exits).hasValue(1);
    assertThat(failureOf(entered))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed while the manager was being entered");
    assertThat(stack.toString()).contains("0 cleanups");
  }

  /** The exit run at once for a late entry may fail: its failure is attached to the enter's. */
  @Test
  void enterAsyncContextCompletingAfterTheClose_aFailingExit_isAttachedToTheEntersFailure() {
    IllegalStateException exitFailure = new IllegalStateException("exit failed");
    CompletableFuture<String> entered =
        enteredAfterTheClose(
            new AsyncExitStack(), () -> CompletableFuture.failedFuture(exitFailure));

    Throwable thrown = failureOf(entered);
    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed while the manager was being entered");
    assertThat(thrown.getSuppressed()).containsExactly(exitFailure);
  }

  @Test
  void enterAsyncContextCompletingWhileTheCloseRuns_isUnwoundByThatClose() {
    CompletableFuture<String> entering = new CompletableFuture<>();
    CompletableFuture<@Nullable Void> slowCleanup = new CompletableFuture<>();
    CountDownLatch exited = new CountDownLatch(1);
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(() -> slowCleanup);
    CompletableFuture<String> entered =
        stack
            .enterAsyncContext(
                Contexts.resourceAsync(
                    () -> entering, (value, failure) -> runAndCount(exited).thenApply(v -> false)))
            .toCompletableFuture();
    CompletableFuture<@Nullable Void> closed = stack.closeAsync().toCompletableFuture();
    entering.complete("connection"); // the close is waiting for slowCleanup: it runs this next
    slowCleanup.complete(null);

    assertThat(join(closed)).isNull();
    assertThat(exited.getCount()).isZero();
    assertThat(join(entered)).isEqualTo("connection");
  }

  private static CompletableFuture<@Nullable Void> runAndCount(CountDownLatch latch) {
    latch.countDown();
    return CompletableFuture.completedFuture(null);
  }

  // --- a CompletionException thrown by a cleanup itself ------------------------------------------

  /**
   * Before, the async stack unwrapped a {@code CompletionException} that an async cleanup threw
   * itself (not a stage's wrapper), and the sync stack kept it: now both keep it, the same
   * instance.
   */
  @Test
  void completionExceptionThrownByACleanupItself_isItsFailure_inBothStacks() {
    IllegalStateException cause = new IllegalStateException("cause");
    java.util.concurrent.CompletionException thrown =
        new java.util.concurrent.CompletionException(cause);
    ExitStack sync = new ExitStack();
    sync.callback(
        () -> {
          throw thrown;
        });
    AsyncExitStack async = new AsyncExitStack();
    async.pushAsyncCallback(
        () -> {
          throw thrown;
        });
    AsyncExitStack asyncExit = new AsyncExitStack();
    asyncExit.pushAsyncExit(
        failure -> {
          throw thrown;
        });

    assertThat(catchThrowable(sync::close)).isSameAs(thrown);
    assertThat(rawFailureOf(async.closeAsync())).isSameAs(thrown);
    assertThat(rawFailureOf(asyncExit.closeAsync())).isSameAs(thrown);
  }

  /** What the stage failed with, as stored (the test's failureOf removes CompletionExceptions). */
  private static @Nullable Throwable rawFailureOf(java.util.concurrent.CompletionStage<?> stage) {
    return stage.toCompletableFuture().handle((v, x) -> x).join();
  }

  /** A stage's own CompletionException wrapper is still removed: the failure is its cause. */
  @Test
  void completionExceptionAroundAStagesFailure_isRemoved() {
    IllegalStateException cause = new IllegalStateException("cause");
    AsyncExitStack async = new AsyncExitStack();
    async.pushAsyncCallback(
        () -> CompletableFuture.failedFuture(cause).thenApply(v -> v)); // fails with a wrapper
    assertThat(rawFailureOf(async.closeAsync())).isSameAs(cause);
  }

  /**
   * Runs {@code completion} on a new thread, as an I/O thread completing a stage would, and tells
   * whether that thread was interrupted afterwards.
   */
  private static boolean completeOnAnotherThread(Runnable completion) throws InterruptedException {
    AtomicBoolean interrupted = new AtomicBoolean(true);
    Thread io =
        new Thread(
            () -> {
              completion.run();
              interrupted.set(Thread.currentThread().isInterrupted());
            });
    io.start();
    io.join();
    return interrupted.get();
  }
}
