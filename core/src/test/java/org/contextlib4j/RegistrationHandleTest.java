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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registration handles (issue 6): {@code callback}, {@code register}, {@code push} and {@code
 * enterContext} through {@link ExitStack#handles()} return a handle that cancels that one
 * registration or runs it early, in place; the cleanup runs at most once.
 */
class RegistrationHandleTest {

  private final List<String> log = new ArrayList<>();

  private CleanupAction logs(String name) {
    return () -> log.add(name);
  }

  /** A manager that logs enter and exit, with the exception it saw. */
  private final class Logging implements ContextManager<String> {
    private final String name;

    Logging(String name) {
      this.name = name;
    }

    @Override
    public String enter() {
      log.add("enter " + name);
      return name + " value";
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      log.add("exit " + name + " saw " + (failure == null ? "nothing" : failure.getMessage()));
      return false;
    }
  }

  @Test
  void cancelledCallback_doesNotRun_andTheOthersRunInOrder() {
    ExitStack stack = new ExitStack();
    stack.callback(logs("a"));
    Registration<CleanupAction> b = stack.handles().callback(logs("b"));
    stack.callback(logs("c"));

    assertThat(b.cancel()).isTrue();
    stack.close();

    assertThat(log).containsExactly("c", "a");
    assertThat(b.isPending()).isFalse();
  }

  @Test
  void runNow_runsTheCleanupOnce_inPlace_andTheUnwindingSkipsIt() {
    ExitStack stack = new ExitStack();
    stack.callback(logs("a"));
    Registration<CleanupAction> b = stack.handles().callback(logs("b"));
    stack.callback(logs("c"));

    assertThat(b.runNow()).isTrue();
    assertThat(log).containsExactly("b");
    stack.close();

    assertThat(log).containsExactly("b", "c", "a");
  }

  @Test
  void secondCancelOrRun_doesNothing_andReportsFalse() {
    ExitStack stack = new ExitStack();
    Registration<CleanupAction> cancelled = stack.handles().callback(logs("cancelled"));
    Registration<CleanupAction> run = stack.handles().callback(logs("run"));

    assertThat(cancelled.cancel()).isTrue();
    assertThat(cancelled.cancel()).isFalse();
    assertThat(cancelled.runNow()).isFalse();
    assertThat(run.runNow()).isTrue();
    assertThat(run.runNow()).isFalse();
    assertThat(run.cancel()).isFalse();
    stack.close();

    assertThat(log).containsExactly("run");
  }

  @Test
  void afterTheUnwindingRanIt_cancelAndRunNowDoNothing() {
    ExitStack stack = new ExitStack();
    Registration<CleanupAction> a = stack.handles().callback(logs("a"));
    stack.close();

    assertThat(a.isPending()).isFalse();
    assertThat(a.cancel()).isFalse();
    assertThat(a.runNow()).isFalse();
    assertThat(log).containsExactly("a");
  }

  @Test
  void register_returnsTheResourceAsValue_andRunNowClosesIt() {
    ExitStack stack = new ExitStack();
    AtomicInteger closes = new AtomicInteger();
    AutoCloseable resource = closes::incrementAndGet;
    Registration<AutoCloseable> handle = stack.handles().register(resource);

    assertThat(handle.value()).isSameAs(resource);
    handle.runNow();
    stack.close();

    assertThat(closes).hasValue(1);
  }

  @Test
  void enterContext_entersAtOnce_valueIsWhatEnterReturned_andCancelSkipsTheExit() {
    ExitStack stack = new ExitStack();
    Registration<String> handle = stack.handles().enterContext(new Logging("m"));

    assertThat(handle.value()).isEqualTo("m value");
    handle.cancel();
    IllegalStateException boom = new IllegalStateException("boom");
    assertThat(catchThrowable(() -> stack.close(boom))).isSameAs(boom);

    assertThat(log).containsExactly("enter m");
  }

  @Test
  void enterContext_whenEnterThrows_registersNothing_andPropagatesTheSameInstance() {
    ExitStack stack = new ExitStack();
    IllegalStateException failure = new IllegalStateException("enter");
    ContextManager<String> failing =
        new ContextManager<>() {
          @Override
          public String enter() {
            throw failure;
          }

          @Override
          public boolean exit(@Nullable Throwable f) {
            log.add("exit");
            return false;
          }
        };

    assertThat(catchThrowable(() -> stack.handles().enterContext(failing))).isSameAs(failure);
    stack.close();
    assertThat(log).isEmpty();
  }

  @Test
  void pushedExit_runNow_seesNothingInFlight_butTheUnwindingWouldHaveSeenTheFailure() {
    ExitStack early = new ExitStack();
    Registration<ContextManager<String>> runEarly = early.handles().push(new Logging("early"));
    runEarly.runNow();
    IllegalStateException earlyBoom = new IllegalStateException("boom");
    assertThat(catchThrowable(() -> early.close(earlyBoom))).isSameAs(earlyBoom);

    ExitStack late = new ExitStack();
    late.handles().push(new Logging("late"));
    IllegalStateException boom = new IllegalStateException("boom");
    assertThat(catchThrowable(() -> late.close(boom))).isSameAs(boom);

    assertThat(log).containsExactly("exit early saw nothing", "exit late saw boom");
  }

  @Test
  void pushedHandler_canStillSuppressWhenLeftInPlace() {
    ExitStack stack = new ExitStack();
    Registration<ExitHandler> handle = stack.handles().push(failure -> true);

    stack.close(new IllegalStateException("suppressed"));

    assertThat(handle.isPending()).isFalse();
  }

  @Test
  void runNow_throwsWhatTheCleanupThrew_asTheSameInstance_andTheStackStillClosesTheRest() {
    ExitStack stack = new ExitStack();
    stack.callback(logs("a"));
    Exception checked = new Exception("checked");
    Registration<CleanupAction> failing =
        stack
            .handles()
            .callback(
                () -> {
                  throw checked;
                });

    assertThat(catchThrowable(failing::runNow)).isSameAs(checked);
    assertThat(failing.isPending()).isFalse();
    stack.close();
    assertThat(log).containsExactly("a");
    assertThat(checked.getSuppressed()).isEmpty();
  }

  @Test
  void runNow_ofAPushedHandlerThatThrows_throwsItUnchanged() {
    ExitStack stack = new ExitStack();
    IllegalStateException thrown = new IllegalStateException("exit");
    Registration<ExitHandler> handle =
        stack
            .handles()
            .push(
                failure -> {
                  throw thrown;
                });

    assertThat(catchThrowable(handle::runNow)).isSameAs(thrown);
    assertThat(thrown.getSuppressed()).isEmpty();
  }

  @Test
  void handleOnANestedStack_runNowUnwindsTheNestedStack() {
    ExitStack outer = new ExitStack();
    ExitStack inner = new ExitStack();
    inner.callback(logs("inner 1"));
    inner.callback(logs("inner 2"));
    Registration<ExitStack> handle = outer.handles().enterContext(inner);
    outer.callback(logs("outer"));

    handle.runNow();
    assertThat(log).containsExactly("inner 2", "inner 1");
    outer.close();
    assertThat(log).containsExactly("inner 2", "inner 1", "outer");
  }

  @Test
  void handleOnANestedStack_leftInPlace_theNestedExitsSeeTheFailure() {
    ExitStack outer = new ExitStack();
    ExitStack inner = new ExitStack();
    inner.push(
        failure -> {
          log.add("inner saw " + (failure == null ? "nothing" : failure.getMessage()));
          return true;
        });
    outer.handles().enterContext(inner);

    outer.close(new IllegalStateException("boom")); // suppressed by the nested exit: no throw

    assertThat(log).containsExactly("inner saw boom");
  }

  @Test
  void handleSurvivesPopAll_andActsOnTheNewStack() {
    ExitStack stack = new ExitStack();
    Registration<CleanupAction> a = stack.handles().callback(logs("a"));
    stack.callback(logs("b"));
    ExitStack moved = stack.popAll();

    a.cancel();
    stack.close();
    assertThat(log).isEmpty();
    moved.close();
    assertThat(log).containsExactly("b");
  }

  @Test
  void registerAndCancelInALoop_keepsTheStackBounded() throws Exception {
    ExitStack stack = new ExitStack();
    stack.callback(logs("kept first"));
    stack.callback(logs("kept second"));
    for (int i = 0; i < 100_000; i++) {
      stack.handles().callback(logs("cancelled " + i)).cancel();
    }
    Registration<CleanupAction> last = stack.handles().callback(logs("kept last"));

    var entries = AbstractExitStack.class.getDeclaredField("entries");
    entries.setAccessible(true);
    assertThat(((Object[]) entries.get(stack)).length).isLessThanOrEqualTo(64);
    assertThat(last.isPending()).isTrue();
    stack.close();
    assertThat(log).containsExactly("kept last", "kept second", "kept first");
  }

  @Test
  void manyLiveEntries_andACancelLoop_keepTheStackWithinTwiceItsLiveSize() throws Exception {
    ExitStack stack = new ExitStack();
    for (int i = 0; i < 100; i++) {
      stack.handles().callback(logs("live " + i));
    }
    for (int i = 0; i < 100_000; i++) {
      stack.handles().callback(logs("cancelled " + i)).cancel();
    }

    var entries = AbstractExitStack.class.getDeclaredField("entries");
    entries.setAccessible(true);
    assertThat(((Object[]) entries.get(stack)).length).isLessThanOrEqualTo(256);
    stack.close();
    assertThat(log).hasSize(100).startsWith("live 99").endsWith("live 0");
  }

  @Test
  void droppedHandles_areNoLongerReachableFromTheStack() throws Exception {
    ExitStack stack = new ExitStack();
    stack.callback(logs("first")); // in its own field; the next 32 fill the array
    for (int i = 0; i < 20; i++) {
      stack.handles().callback(logs("live"));
    }
    for (int i = 0; i < 5; i++) {
      stack.handles().callback(logs("cancelled")).cancel();
    }
    java.lang.ref.WeakReference<CleanupAction> dropped = cancelOne(stack); // slot 25 of 32
    for (int i = 0; i < 6; i++) {
      stack.handles().callback(logs("cancelled")).cancel();
    }
    stack.callback(logs("after")); // the array is full: finished handles are dropped

    GcTesting.awaitCollected(dropped); // fails after 20 s if the stack still holds it

    assertThat(dropped.get()).isNull();
  }

  private static java.lang.ref.WeakReference<CleanupAction> cancelOne(ExitStack stack) {
    Object state = new Object();
    CleanupAction action = () -> state.notifyAll(); // captures: not a shared lambda instance
    stack.handles().callback(action).cancel();
    return new java.lang.ref.WeakReference<>(action);
  }

  @Test
  void asyncStack_handlesSeeAndChangeTheFailureInFlight_likeTheirEntries() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    IllegalStateException cleanupFailure = new IllegalStateException("cleanup");
    stack.handles().push(failure -> true).cancel(); // cancelled: would have suppressed
    stack
        .handles()
        .callback(
            () -> {
              throw cleanupFailure;
            });
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = null;
    try {
      stack.closeAsync(body).toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      thrown = e.getCause();
    }

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).containsExactly(cleanupFailure);
  }

  @Test
  void droppingFinishedHandles_keepsTheOrderOfPlainAndHandledEntries() {
    ExitStack stack = new ExitStack();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      if (i % 3 == 0) {
        stack.callback(logs("plain " + i));
        expected.add(0, "plain " + i);
      } else {
        Registration<CleanupAction> h = stack.handles().callback(logs("handle " + i));
        if (i % 3 == 1) {
          h.cancel();
        } else {
          expected.add(0, "handle " + i);
        }
      }
    }
    stack.close();
    assertThat(log).containsExactlyElementsOf(expected);
  }

  @Test
  void cancelFromAnExitThatRunsEarlierInTheUnwinding_skipsTheLaterOne() {
    ExitStack stack = new ExitStack();
    Registration<CleanupAction> first = stack.handles().callback(logs("first"));
    stack.callback(first::cancel);
    stack.close();
    assertThat(log).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void racingCancelRunNowAndClose_runTheCleanupAtMostOnce_andExactlyOnceUnlessCancelled(int seed)
      throws Exception {
    for (int round = 0; round < 2_000; round++) {
      ExitStack stack = new ExitStack();
      AtomicInteger runs = new AtomicInteger();
      Registration<CleanupAction> handle = stack.handles().callback(runs::incrementAndGet);
      CountDownLatch start = new CountDownLatch(1);
      boolean runEarly = (round + seed) % 2 == 0;
      CompletableFuture<Boolean> other =
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return runEarly ? handle.runNow() : !handle.cancel();
              });
      start.countDown();
      stack.close();
      boolean otherRanOrFailedToCancel = other.get(30, TimeUnit.SECONDS);
      assertThat(runs.get()).isLessThanOrEqualTo(1);
      if (!runEarly) {
        // cancel succeeded exactly when the cleanup did not run
        assertThat(runs.get()).isEqualTo(otherRanOrFailedToCancel ? 1 : 0);
      } else {
        assertThat(runs.get()).isEqualTo(1);
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void asyncStack_handlesWorkTheSame_betweenAsyncEntries() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(
        () -> {
          log.add("async a");
          return CompletableFuture.completedFuture(null);
        });
    Registration<CleanupAction> cancelled = stack.handles().callback(logs("cancelled"));
    Registration<CleanupAction> kept = stack.handles().callback(logs("kept"));
    stack.pushAsyncCallback(
        () -> {
          log.add("async b");
          return CompletableFuture.completedFuture(null);
        });

    cancelled.cancel();
    stack.closeAsync().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(log).containsExactly("async b", "kept", "async a");
    assertThat(kept.isPending()).isFalse();
  }

  @Test
  void nullArguments_throwNamingTheParameter_andRegisterNothing() {
    ExitStack stack = new ExitStack();
    Handles handles = stack.handles();
    assertThatThrownBy(() -> handles.callback(nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("action cannot be null");
    assertThatThrownBy(() -> handles.register(nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resource cannot be null");
    assertThatThrownBy(() -> handles.push((ExitHandler) nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("handler cannot be null");
    assertThatThrownBy(() -> handles.push((ContextManager<?>) nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("manager cannot be null");
    assertThatThrownBy(() -> handles.enterContext(nullValue()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("manager cannot be null");
    assertThat(stack.toString()).isEqualTo("ExitStack[0 cleanups]");
  }

  @Test
  void toString_saysWhatWasRegisteredAndItsState() {
    ExitStack stack = new ExitStack();
    AutoCloseable resource =
        new AutoCloseable() {
          @Override
          public void close() {}

          @Override
          public String toString() {
            return "resource";
          }
        };
    Registration<AutoCloseable> handle = stack.handles().register(resource);
    assertThat(handle).hasToString("Registration[pending, resource]");
    handle.cancel();
    assertThat(handle).hasToString("Registration[cancelled, resource]");
    Registration<AutoCloseable> run = stack.handles().register(resource);
    run.runNow();
    assertThat(run).hasToString("Registration[run, resource]");
  }

  @SuppressWarnings({"TypeParameterUnusedInFormals", "NullAway"})
  private static <T> T nullValue() {
    return null;
  }
}
