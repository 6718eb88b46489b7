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
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.contextlib4j.internal.Throwables.checkNotNull;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What {@link ConcurrentExitStack} adds to the shared contract ({@link
 * ConcurrentExitStackContractTest}): closed for good, rejected-and-run late registrations, waiting
 * and re-entrant closes, and cleanups run without the lock. Threads are coordinated with latches
 * and by waiting for a thread to block; nothing sleeps.
 */
class ConcurrentExitStackTest {

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  static final class Fatal extends VirtualMachineError {
    private static final long serialVersionUID = 1L;

    Fatal(String message) {
      super(message);
    }
  }

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private ConcurrentExitStack closedStack() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    stack.callback(() -> log.add("before close"));
    stack.close();
    log.clear();
    return stack;
  }

  // --- closed for good ---------------------------------------------------------------------------

  @Test
  void runsTheCallbackAtOnceAndRejectsIt_whenTheStackIsClosed() {
    ConcurrentExitStack stack = closedStack();

    assertThatIllegalStateException()
        .isThrownBy(() -> stack.callback(() -> log.add("late")))
        .withMessage(
            "ConcurrentExitStack is closed: the cleanup was not registered; it ran at once")
        .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());

    assertThat(log).containsExactly("late");
  }

  @Test
  void closesTheResourceAtOnceAndRejectsIt_whenTheStackIsClosed() {
    ConcurrentExitStack stack = closedStack();

    assertThatIllegalStateException()
        .isThrownBy(() -> stack.register(() -> log.add("closed")))
        .withMessageContaining("closed");

    assertThat(log).containsExactly("closed");
  }

  @Test
  void runsTheExitWithNothingInFlightAndRejectsIt_whenPushedOnAClosedStack() {
    ConcurrentExitStack stack = closedStack();
    AtomicReference<@Nullable Throwable> seen = new AtomicReference<>(new Boom("not called"));

    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                stack.push(
                    failure -> {
                      seen.set(failure);
                      return true;
                    }))
        .withMessageContaining("closed");

    assertThat(seen.get()).isNull();
  }

  @Test
  void exitsThePushedManagerAtOnceWithoutEnteringIt_whenTheStackIsClosed() {
    ConcurrentExitStack stack = closedStack();
    Recording manager = new Recording("m", log);

    assertThatIllegalStateException().isThrownBy(() -> stack.push(manager));

    assertThat(log).containsExactly("m exit saw none");
  }

  @Test
  void rejectsEnterContextWithoutEntering_whenTheStackIsClosed() {
    ConcurrentExitStack stack = closedStack();
    Recording manager = new Recording("m", log);

    assertThatIllegalStateException()
        .isThrownBy(() -> stack.enterContext(manager))
        .withMessage("ConcurrentExitStack is closed: the manager was not entered");

    assertThat(log).isEmpty();
  }

  @Test
  void exitsTheManagerAtOnceAndRejectsIt_whenTheStackIsClosedWhileItEnters() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    Recording manager =
        new Recording("m", log) {
          @Override
          public String enter() {
            stack.close(); // the stack closes while the manager is being entered
            return super.enter();
          }
        };

    assertThatIllegalStateException()
        .isThrownBy(() -> stack.enterContext(manager))
        .withMessageContaining("closed");

    assertThat(log).containsExactly("m enter", "m exit saw none");
  }

  @Test
  void attachesTheLateCleanupsFailureToTheRejection() {
    ConcurrentExitStack stack = closedStack();
    Boom boom = new Boom("late cleanup failed");

    Throwable thrown =
        catchThrowable(
            () ->
                stack.callback(
                    () -> {
                      throw boom;
                    }));

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(thrown.getSuppressed()).containsExactly(boom);
  }

  @Test
  void attachesTheLateExitsFailureToTheRejection() {
    ConcurrentExitStack stack = closedStack();
    Boom boom = new Boom("late exit failed");

    Throwable thrown =
        catchThrowable(
            () ->
                stack.push(
                    failure -> {
                      throw boom;
                    }));

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(thrown.getSuppressed()).containsExactly(boom);
  }

  // Rule 4's ranking: a VirtualMachineError is never hidden under an ordinary exception.
  @Test
  void throwsTheLateCleanupsVirtualMachineErrorWithTheRejectionAttached() {
    ConcurrentExitStack stack = closedStack();
    Fatal fatal = new Fatal("out of something");

    Throwable thrown =
        catchThrowable(
            () ->
                stack.callback(
                    () -> {
                      throw fatal;
                    }));

    assertThat(thrown).isSameAs(fatal);
    assertThat(fatal.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsNullBeforeCheckingTheState_andRunsNothing_whenTheStackIsClosed() {
    ConcurrentExitStack stack = closedStack();

    assertThatNullPointerException()
        .isThrownBy(() -> stack.callback(nullValue()))
        .withMessage("action cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.enterContext(nullValue()))
        .withMessage("manager cannot be null");
    assertThat(log).isEmpty();
  }

  @Test
  void closeAndExitDoNothing_whenTheStackIsClosed() {
    ConcurrentExitStack stack = closedStack();
    Boom boom = new Boom("body");

    stack.close();
    assertThat(stack.exit(boom)).isFalse();
    assertThat(stack.exit(null)).isFalse();
    assertThat(catchThrowable(() -> stack.close(boom))).isSameAs(boom);

    assertThat(boom.getSuppressed()).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  void popAllGivesAnEmptyOpenStack_whenTheStackIsClosed() {
    ConcurrentExitStack stack = closedStack();

    ConcurrentExitStack moved = stack.popAll();
    moved.callback(() -> log.add("on the new stack"));
    moved.close();

    assertThat(log).containsExactly("on the new stack");
    assertThat(stack).hasToString("ConcurrentExitStack[closed]");
  }

  @Test
  void describesItsSize_thenThatItIsClosing_thenClosed() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    assertThat(stack).hasToString("ConcurrentExitStack[0 cleanups]");
    stack.callback(() -> {});
    assertThat(stack).hasToString("ConcurrentExitStack[1 cleanup]");
    stack.callback(() -> log.add(stack.toString()));
    assertThat(stack).hasToString("ConcurrentExitStack[2 cleanups]");
    stack.close();
    assertThat(log).containsExactly("ConcurrentExitStack[closing]");
    assertThat(stack).hasToString("ConcurrentExitStack[closed]");
  }

  @Test
  void unwindsInReverseOrderOfRegistration_acrossEveryKindOfEntryAndHandles() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    registerOneOfEach(stack);
    assertThat(stack).hasToString("ConcurrentExitStack[7 cleanups]");

    stack.close();

    assertThat(log).containsExactly("g", "f", "e", "d", "c", "b", "a");
  }

  @Test
  void popAllMovesEveryKindOfEntryAndHandles_inOrder_andTheStackTakesNewOnesAfter() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    registerOneOfEach(stack);

    ConcurrentExitStack moved = stack.popAll();
    assertThat(stack).hasToString("ConcurrentExitStack[0 cleanups]");
    assertThat(moved).hasToString("ConcurrentExitStack[7 cleanups]");
    stack.callback(() -> log.add("kept"));
    moved.callback(() -> log.add("h"));
    stack.close();
    moved.close();

    assertThat(log).containsExactly("kept", "h", "g", "f", "e", "d", "c", "b", "a");
  }

  /** Registers a to g, one of each kind, alternating handles and plain registrations. */
  private void registerOneOfEach(ConcurrentExitStack stack) {
    stack.callback(() -> log.add("a"));
    var unusedB = stack.handles().callback(() -> log.add("b"));
    stack.register(() -> log.add("c"));
    stack.push(
        failure -> {
          log.add("d");
          return false;
        });
    var unusedE = stack.handles().register(() -> log.add("e"));
    stack.enterContext(Contexts.closing(() -> log.add("f")));
    var unusedG = stack.handles().callback(() -> log.add("g"));
  }

  @Test
  void staysOpen_whenEmptiedByPopAll() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    stack.callback(() -> log.add("moved"));

    ConcurrentExitStack moved = stack.popAll();
    stack.callback(() -> log.add("kept"));
    stack.close();
    moved.close();

    assertThat(log).containsExactly("kept", "moved");
  }

  // --- re-entrance and threads -------------------------------------------------------------------

  @Test
  void reentrantCloseContinuesTheUnwinding_andTheOuterCloseRunsWhatIsRegisteredAfterIt() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    stack.callback(() -> log.add("first"));
    stack.callback(
        () -> {
          log.add("closer");
          stack.close(); // runs "first" now, on this thread
          log.add("after inner close");
          stack.callback(() -> log.add("registered after inner close"));
        });

    stack.close();

    assertThat(log)
        .containsExactly("closer", "first", "after inner close", "registered after inner close");
    assertThatIllegalStateException().isThrownBy(() -> stack.callback(() -> log.add("late")));
  }

  @Test
  void reentrantCloseReportsItsOwnFailures_andTheOuterCloseGoesOn() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    Boom inner = new Boom("inner");
    AtomicReference<@Nullable Throwable> caught = new AtomicReference<>();
    stack.callback(
        () -> {
          throw inner;
        });
    stack.callback(() -> caught.set(catchThrowable(stack::close)));

    stack.close();

    assertThat(caught.get()).isSameAs(inner);
  }

  @Test
  void runsARegistrationFromAnotherThread_inTheSameUnwinding_beforeEarlierOnes() throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    stack.callback(() -> log.add("earlier"));
    stack.callback(
        () -> {
          // If the lock were held while a cleanup runs, this registration would deadlock.
          Thread other = new Thread(() -> stack.callback(() -> log.add("from another thread")));
          other.start();
          other.join();
          log.add("registrar");
        });

    stack.close();

    assertThat(log).containsExactly("registrar", "from another thread", "earlier");
  }

  @Test
  void secondCloseFromAnotherThreadWaitsForTheFirst_andTheFirstReportsTheFailures()
      throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Boom boom = new Boom("cleanup failed");
    stack.callback(
        () -> {
          log.add("last cleanup");
          throw boom;
        });
    stack.callback(
        () -> {
          running.countDown();
          release.await();
          log.add("blocking cleanup");
        });
    AtomicReference<@Nullable Throwable> firstOutcome = new AtomicReference<>();
    Thread first = new Thread(() -> firstOutcome.set(catchThrowable(stack::close)));
    first.start();
    running.await();
    AtomicReference<@Nullable Throwable> secondOutcome = new AtomicReference<>();
    Thread second =
        new Thread(
            () -> {
              secondOutcome.set(catchThrowable(stack::close));
              log.add("second close returned");
            });
    second.start();
    awaitBlocked(second);

    release.countDown();
    first.join();
    second.join();

    assertThat(log).containsExactly("blocking cleanup", "last cleanup", "second close returned");
    assertThat(firstOutcome.get()).isSameAs(boom);
    assertThat(secondOutcome.get()).isNull();
  }

  @Test
  void exitAndCloseWithAFailure_behaveAsOnAClosedStack_afterWaitingForAnotherClose()
      throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    stack.push(failure -> true); // would suppress, but the waiting calls come after it ran
    stack.callback(
        () -> {
          running.countDown();
          release.await();
        });
    Thread first = new Thread(stack::close);
    first.start();
    running.await();
    Boom forExit = new Boom("given to exit");
    Boom forClose = new Boom("given to close");
    AtomicReference<@Nullable Boolean> exitResult = new AtomicReference<>();
    AtomicReference<@Nullable Throwable> closeOutcome = new AtomicReference<>();
    Thread exiting = new Thread(() -> exitResult.set(stack.exit(forExit)));
    Thread closing =
        new Thread(() -> closeOutcome.set(catchThrowable(() -> stack.close(forClose))));
    exiting.start();
    closing.start();
    awaitBlocked(exiting);
    awaitBlocked(closing);

    release.countDown();
    first.join();
    exiting.join();
    closing.join();

    assertThat(exitResult.get()).isFalse();
    assertThat(closeOutcome.get()).isSameAs(forClose);
  }

  @Test
  void popAllFromAnotherThreadWaitsForTheClose_andGetsNothing() throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    stack.callback(() -> log.add("older"));
    stack.callback(
        () -> {
          running.countDown();
          release.await();
        });
    Thread first = new Thread(stack::close);
    first.start();
    running.await();
    AtomicReference<@Nullable ConcurrentExitStack> moved = new AtomicReference<>();
    Thread popping = new Thread(() -> moved.set(stack.popAll()));
    popping.start();
    awaitBlocked(popping);

    release.countDown();
    first.join();
    popping.join();

    assertThat(log).containsExactly("older");
    assertThat(moved.get()).hasToString("ConcurrentExitStack[0 cleanups]");
  }

  @Test
  void waitingForAnotherCloseIsNotInterruptible_andKeepsTheInterruptStatus() throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    stack.callback(
        () -> {
          running.countDown();
          release.await();
          log.add("cleanup");
        });
    Thread first = new Thread(stack::close);
    first.start();
    running.await();
    AtomicBoolean interruptedAfterClose = new AtomicBoolean();
    Thread second =
        new Thread(
            () -> {
              stack.close();
              log.add("second close returned");
              interruptedAfterClose.set(Thread.currentThread().isInterrupted());
            });
    second.start();
    awaitBlocked(second);

    second.interrupt();
    release.countDown();
    first.join();
    second.join();

    assertThat(log).containsExactly("cleanup", "second close returned");
    assertThat(interruptedAfterClose).isTrue();
  }

  @Test
  void nestedConcurrentStackClosedByAnotherThread_isWaitedForAndNotRunAgain() throws Exception {
    ConcurrentExitStack outer = new ConcurrentExitStack();
    ConcurrentExitStack inner = new ConcurrentExitStack();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    outer.callback(() -> log.add("outer cleanup"));
    outer.push(inner);
    inner.callback(() -> log.add("inner cleanup"));
    inner.callback(
        () -> {
          running.countDown();
          release.await();
        });
    Thread closingInner = new Thread(inner::close);
    closingInner.start();
    running.await();
    Thread closingOuter = new Thread(outer::close);
    closingOuter.start();
    awaitBlocked(closingOuter);

    release.countDown();
    closingInner.join();
    closingOuter.join();

    assertThat(log).containsExactly("inner cleanup", "outer cleanup");
  }

  @Test
  void unwindsNestedConcurrentStacksRegisteredAsResources_withNothingInFlightForThem() {
    ConcurrentExitStack outer = new ConcurrentExitStack();
    ConcurrentExitStack inner = new ConcurrentExitStack();
    Boom boom = new Boom("inner failure");
    List<@Nullable Throwable> seen = Collections.synchronizedList(new ArrayList<>());
    outer.push(
        failure -> {
          seen.add(failure);
          return false;
        });
    outer.register(inner);
    inner.push(
        failure -> {
          seen.add(failure);
          return false;
        });
    inner.callback(
        () -> {
          throw boom;
        });
    Boom body = new Boom("body");

    assertThat(outer.exit(body)).isFalse();

    // The inner stack saw its own failure, not the body's; the outer exit saw the body's, with
    // the inner stack's failure attached as a plain close's.
    assertThat(seen).containsExactly(boom, body);
    assertThat(body.getSuppressed()).containsExactly(boom);
  }

  @Test
  void unwindsAConcurrentStackThatContainsItself_once() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    stack.callback(() -> log.add("a"));
    stack.push(stack);
    stack.callback(() -> log.add("b"));

    stack.close();

    assertThat(log).containsExactly("b", "a");
  }

  // A registration method added to AbstractExitStack later would be inherited without the lock.
  @Test
  void overridesEveryPublicMethodOfTheSharedBase() throws Exception {
    for (Method method : AbstractExitStack.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())) {
        Method own =
            ConcurrentExitStack.class.getDeclaredMethod(
                method.getName(), method.getParameterTypes());
        assertThat(own.getDeclaringClass())
            .as(method + " " + Arrays.toString(method.getParameterTypes()))
            .isEqualTo(ConcurrentExitStack.class);
      }
    }
    Method addHandle = AbstractExitStack.class.getDeclaredMethod("addHandle", Registration.class);
    assertThat(
            ConcurrentExitStack.class
                .getDeclaredMethod("addHandle", Registration.class)
                .getDeclaringClass())
        .as(addHandle.toString())
        .isEqualTo(ConcurrentExitStack.class);
  }

  @Test
  void handles_cancelAndRunNowWork_andAHandleRegisteredAfterCloseRunsAtOnceAndIsRejected() {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    List<String> ran = new ArrayList<>();
    Registration<CleanupAction> cancelled = stack.handles().callback(() -> ran.add("cancelled"));
    Registration<CleanupAction> early = stack.handles().callback(() -> ran.add("early"));
    stack.handles().callback(() -> ran.add("at close"));

    assertThat(cancelled.cancel()).isTrue();
    assertThat(early.runNow()).isTrue();
    stack.close();
    assertThat(ran).containsExactly("early", "at close");

    assertThatIllegalStateException()
        .isThrownBy(() -> stack.handles().callback(() -> ran.add("late")))
        .withMessageContaining("closed");
    assertThat(ran).containsExactly("early", "at close", "late");
  }

  /**
   * popAll() that would wait in a cycle does not: thread A closes {@code s}, and one of its
   * cleanups closes {@code t}, which thread B is closing; one of {@code t}'s cleanups, on B,
   * registers on {@code s} and pops it. Waiting for A's close would wait for A, which waits for B:
   * B moves what is registered on {@code s} at once, and A keeps and runs what its close had taken.
   */
  @Test
  void popAll_thatWouldWaitInACycle_movesWhatIsRegistered_andTheCloserRunsWhatItTook()
      throws Exception {
    ConcurrentExitStack s = new ConcurrentExitStack();
    ConcurrentExitStack t = new ConcurrentExitStack();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch aInS = new CountDownLatch(1);
    CountDownLatch bInT = new CountDownLatch(1);
    AtomicReference<@Nullable Thread> a = new AtomicReference<>();
    s.callback(() -> ran.add("taken by A's close, run by A: " + onThread()));
    s.callback(
        () -> {
          aInS.countDown();
          t.close(); // B is closing it: A waits for B
          ran.add("A's wait ended");
        });
    t.callback(
        () -> {
          bInT.countDown();
          aInS.await();
          awaitBlocked(checkNotNull(a.get(), "a"));
          s.callback(() -> ran.add("registered during A's close, run by B: " + onThread()));
          try (ConcurrentExitStack moved = s.popAll()) { // a wait for A, which waits for B
            ran.add("popped: " + moved);
          }
        });
    Thread b = new Thread(() -> t.close(), "B");
    b.start();
    bInT.await();
    Thread closerA = new Thread(() -> s.close(), "A");
    a.set(closerA);
    closerA.start();
    closerA.join(30_000);
    b.join(30_000);
    assertThat(closerA.isAlive() || b.isAlive()).as("deadlocked").isFalse();
    assertThat(ran)
        .containsExactly(
            "popped: ConcurrentExitStack[1 cleanup]",
            "registered during A's close, run by B: B",
            "A's wait ended",
            "taken by A's close, run by A: A");
    assertThat(s).hasToString("ConcurrentExitStack[closed]");
    assertThat(t).hasToString("ConcurrentExitStack[closed]");
  }

  private static String onThread() {
    return Thread.currentThread().getName();
  }

  // --- helpers -----------------------------------------------------------------------------------

  /**
   * Waits, without a timed sleep, until {@code thread} waits (parked while another thread's close
   * runs, which it does with a timeout, or on a latch); fails after 30 s or if the thread ends.
   */
  static void awaitBlocked(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      Thread.State state = thread.getState();
      if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
        return;
      }
      assertThat(state).as("thread state").isNotEqualTo(Thread.State.TERMINATED);
      assertThat(System.nanoTime()).as("waiting within 30 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @SuppressWarnings({"NullAway", "TypeParameterUnusedInFormals"}) // null on purpose
  private static <T> T nullValue() {
    return null;
  }

  /** A manager that records its enter and what its exit saw. */
  static class Recording implements ContextManager<String> {
    final String id;
    final List<String> log;

    Recording(String id, List<String> log) {
      this.id = id;
      this.log = log;
    }

    @Override
    public String enter() {
      log.add(id + " enter");
      return id;
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      log.add(id + " exit saw " + (failure == null ? "none" : failure.getMessage()));
      return false;
    }
  }
}
