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

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.contextlib4j.internal.HelperThreads;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generator-style managers in both modes: callback mode ({@link Contexts#with}, the with-block runs
 * inside the yield) and split mode (enter and exit called separately, the body on a helper thread).
 * The CPython ports are in {@code GeneratorContextManagerCPythonTest}.
 */
class GeneratorContextManagerTest {

  enum Mode {
    /** {@code Contexts.run(manager, block)}: the block runs inside the yield. */
    CALLBACK {
      @Override
      <T> void run(ContextManager<T> manager, ContextAction<T, ? extends Throwable> block)
          throws Throwable {
        Contexts.run(manager, block);
      }
    },
    /** {@code stack.enterContext(manager)}: enter and exit are separate calls. */
    SPLIT {
      @Override
      <T> void run(ContextManager<T> manager, ContextAction<T, ? extends Throwable> block)
          throws Throwable {
        Contexts.run(new ExitStack(), stack -> block.accept(stack.enterContext(manager)));
      }
    };

    abstract <T> void run(ContextManager<T> manager, ContextAction<T, ? extends Throwable> block)
        throws Throwable;
  }

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @ParameterizedTest
  @EnumSource(Mode.class)
  void runsSetupBlockAndTeardownInOrder(Mode mode) throws Throwable {
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              log.add("setup");
              try {
                y.yield("value");
                log.add("after yield");
              } finally {
                log.add("teardown");
              }
            });
    mode.run(manager, value -> log.add("block got " + value));
    assertThat(log).containsExactly("setup", "block got value", "after yield", "teardown");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void blockExceptionIsThrownFromYield_andSuppressedWhenBodyReturns(Mode mode) throws Throwable {
    Boom x = new Boom("x");
    AtomicReference<@Nullable Throwable> caught = new AtomicReference<>();
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              try {
                y.yield("v");
              } catch (Boom e) {
                caught.set(e);
              }
            });
    mode.run(
        manager,
        value -> {
          throw x;
        });
    assertThat(caught.get()).isSameAs(x);
    assertThat(x.getSuppressed()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rethrownBlockException_propagatesAsSameInstance(Mode mode) {
    Boom x = new Boom("x");
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              try {
                y.yield("v");
              } catch (Throwable e) {
                log.add("saw " + e.getMessage());
                throw e;
              }
            });
    Throwable thrown =
        catchThrowable(
            () ->
                mode.run(
                    manager,
                    value -> {
                      throw x;
                    }));
    assertThat(thrown).isSameAs(x);
    assertThat(x.getSuppressed()).isEmpty();
    assertThat(log).containsExactly("saw x");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void replacementByBody_isNotChainedByTheLibrary(Mode mode) {
    Boom x = new Boom("x");
    Boom y = new Boom("y");
    ContextManager<String> manager =
        Contexts.contextManager(
            yielder -> {
              try {
                yielder.yield("v");
              } catch (Boom e) {
                // handled here; what follows is a new failure, not a consequence of x
              }
              throw y;
            });
    Throwable thrown =
        catchThrowable(
            () ->
                mode.run(
                    manager,
                    value -> {
                      throw x;
                    }));
    assertThat(thrown).isSameAs(y);
    assertThat(y.getSuppressed()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void checkedExceptionFromSetup_propagatesUnwrapped_andBlockDoesNotRun(Mode mode) {
    Exception setupFailure = new java.io.IOException("setup");
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              throw setupFailure;
            });
    assertThatThrownBy(() -> mode.run(manager, value -> log.add("block"))).isSameAs(setupFailure);
    assertThat(log).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void bodyThatNeverYields_failsWithDidntYield(Mode mode) {
    ContextManager<String> manager = Contexts.contextManager(y -> log.add("body"));
    assertThatThrownBy(() -> mode.run(manager, value -> log.add("block")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the contextManager body ended without calling yield; a body must call yield exactly once");
    assertThat(log).containsExactly("body");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void misuseMessage_namesWhereTheManagerWasCreated_whenLeakDetectionRecordedIt(Mode mode) {
    LeakDetection.enable();
    ContextManager<String> manager;
    try {
      manager = Contexts.contextManager(y -> log.add("body"));
    } finally {
      LeakDetection.disable();
    }
    assertThatThrownBy(() -> mode.run(manager, value -> log.add("block")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "the contextManager body ended without calling yield; a body must call yield exactly"
                + " once (the manager was created at "
                + GeneratorContextManagerTest.class.getName()
                + ".misuseMessage_namesWhereTheManagerWasCreated_whenLeakDetectionRecordedIt("
                + "GeneratorContextManagerTest.java:")
        .hasMessageEndingWith(")");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void yieldOnAYielderKeptBeyondItsBody_throwsIllegalState_withAStackTrace(Mode mode)
      throws Throwable {
    AtomicReference<@Nullable Yielder<String>> kept = new AtomicReference<>();
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              kept.set(y);
              y.yield("v");
            });
    mode.run(manager, value -> log.add("block " + value));
    Yielder<String> yielder = kept.get();
    assertThat(yielder).isNotNull();

    Throwable thrown = catchThrowable(() -> yielder.yield("again"));

    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "yield called after the contextManager body returned; a Yielder may be used only by"
                + " its body, while the body runs");
    assertThat(thrown.getStackTrace()).isNotEmpty();
    assertThat(log).containsExactly("block v");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void bodyThatYieldsTwice_isClosed_andFailsWithDidntStop(Mode mode) {
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              try {
                y.yield("first");
                log.add("resumed");
                y.yield("second");
                log.add("must not run");
              } finally {
                log.add("finally");
              }
            });
    assertThatThrownBy(() -> mode.run(manager, value -> log.add("block")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the contextManager body called yield a second time; a body must call yield exactly once")
        .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    assertThat(log).containsExactly("block", "resumed", "finally");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void bodyThatSwallowsAndYieldsAgain_failsWithDidntStopAfterThrow_withBlockExceptionAttached(
      Mode mode) {
    Boom x = new Boom("x");
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              try {
                try {
                  y.yield("first");
                } catch (Boom e) {
                  log.add("swallowed");
                }
                y.yield("second");
              } finally {
                log.add("finally");
              }
            });
    Throwable thrown =
        catchThrowable(
            () ->
                mode.run(
                    manager,
                    value -> {
                      throw x;
                    }));
    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the contextManager body called yield a second time, after the block's exception was thrown"
                + " into it (attached); a body must call yield exactly once");
    assertThat(thrown.getSuppressed()).containsExactly(x);
    assertThat(log).containsExactly("swallowed", "finally");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  @SuppressWarnings("finally") // the point of the test: a finally clause that throws
  void failingFinallyWhileClosing_replacesDidntStop_withItAttached(Mode mode) {
    Boom closeFailure = new Boom("finally");
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              try {
                y.yield("first");
                y.yield("second");
              } finally {
                throw closeFailure;
              }
            });
    Throwable thrown = catchThrowable(() -> mode.run(manager, value -> {}));
    assertThat(thrown).isSameAs(closeFailure);
    assertThat(closeFailure.getSuppressed())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .hasMessage(
                        "the contextManager body called yield a second time; a body must call yield exactly once"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void enteringTwice_failsWithIllegalStateException(Mode mode) throws Throwable {
    ContextManager<String> manager = Contexts.contextManager(y -> y.yield("v"));
    mode.run(manager, value -> {});
    assertThatThrownBy(() -> mode.run(manager, value -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already entered")
        .hasMessageContaining("one-shot");
  }

  /**
   * CPython: {@code gen.close()} raises "the contextManager body caught the error that its second
   * yield threw to close it, and" + " called yield again; a body must let that error propagate"
   * after "didn't stop".
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void bodyThatCatchesTheCloseAndYieldsAgain_failsWithGeneratorIgnoredGeneratorExit(Mode mode) {
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              try {
                y.yield("1");
                y.yield("2");
              } catch (Error closing) { // Python: except GeneratorExit
                log.add("caught the close");
                y.yield("3");
              }
            });

    Throwable thrown = catchThrowable(() -> mode.run(manager, v -> log.add("block " + v)));

    assertIgnoredGeneratorExit(thrown, "contextManager", "yield");
  }

  private void assertIgnoredGeneratorExit(Throwable thrown, String factory, String yield) {
    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the "
                + factory
                + " body caught the error that its second "
                + yield
                + " threw to close it, and called "
                + yield
                + " again; a body must let that error propagate");
    assertThat(thrown.getSuppressed()).hasSize(1);
    assertThat(thrown.getSuppressed()[0])
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the "
                + factory
                + " body called "
                + yield
                + " a second time; a body must call "
                + yield
                + " exactly once");
    assertThat(log).containsExactly("block 1", "caught the close");
  }

  @Test
  void asyncBodyThatCatchesTheCloseAndYieldsAgain_failsWithGeneratorIgnoredGeneratorExit() {
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync("1")
                    .thenCompose(v -> y.yieldAsync("2"))
                    .handle(
                        (v, closing) -> {
                          log.add("caught the close");
                          return y.yieldAsync("3");
                        })
                    .thenCompose(stage -> stage));

    Throwable thrown =
        catchThrowable(
            () ->
                AsyncTesting.join(
                    Contexts.withAsync(
                        manager,
                        v -> {
                          log.add("block " + v);
                          return java.util.concurrent.CompletableFuture.completedFuture(v);
                        })));

    assertIgnoredGeneratorExit(thrown, "asyncContextManager", "yieldAsync");
  }

  @Test
  void exitWithoutEnter_failsWithIllegalStateException() {
    ContextManager<String> manager = Contexts.contextManager(y -> y.yield("v"));
    assertThatThrownBy(() -> manager.exit(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before it was entered");
  }

  @Test
  void callbackMode_runsEverythingOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    List<Thread> threads = new ArrayList<>();
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              threads.add(Thread.currentThread());
              y.yield("v");
              threads.add(Thread.currentThread());
            });
    Contexts.run(manager, value -> threads.add(Thread.currentThread()));
    assertThat(threads).containsOnly(caller).hasSize(3);
  }

  @Test
  void splitMode_runsTheBodyOnAHelperThread_virtualWhenTheJvmHasThem() throws Exception {
    AtomicReference<@Nullable Thread> bodyThread = new AtomicReference<>();
    ContextManager<String> manager =
        SplitModes.onThreads(
            y -> {
              bodyThread.set(Thread.currentThread());
              y.yield("v");
            });
    assertThat(manager.enter()).isEqualTo("v");
    assertThat(manager.exit(null)).isFalse();
    Thread helper = bodyThread.get();
    assertThat(helper).isNotNull().isNotSameAs(Thread.currentThread());
    boolean expectVirtual = Runtime.version().feature() >= 21;
    assertThat(HelperThreads.virtual()).isEqualTo(expectVirtual);
    assertThat(helper.toString().contains("Virtual")).isEqualTo(expectVirtual);
  }

  @Test
  void splitMode_writesBeforeEachHandOffAreVisibleAfterIt() throws Exception {
    int[] shared = new int[1]; // deliberately not volatile: the hand-off must publish it
    ContextManager<int[]> manager =
        Contexts.contextManager(
            y -> {
              shared[0] = 1;
              y.yield(shared);
              log.add("body saw " + shared[0]);
              shared[0] = 3;
            });
    int[] value = manager.enter();
    assertThat(value[0]).isEqualTo(1);
    value[0] = 2;
    manager.exit(null);
    assertThat(log).containsExactly("body saw 2");
    assertThat(shared[0]).isEqualTo(3);
  }

  @Test
  void splitMode_passesTheCallersInterruptToTheBody_andRestoresTheCallersStatus() throws Exception {
    CountDownLatch teardownWaiting = new CountDownLatch(1);
    AtomicReference<@Nullable Throwable> teardownSaw = new AtomicReference<>();
    ContextManager<String> manager =
        SplitModes.onThreads(
            y -> {
              y.yield("v");
              teardownWaiting.countDown();
              try {
                new CountDownLatch(1).await(); // blocks until interrupted
              } catch (InterruptedException e) {
                teardownSaw.set(e);
                throw e;
              }
            });
    manager.enter();
    Thread caller = Thread.currentThread();
    Thread interrupter =
        new Thread(
            () -> {
              try {
                teardownWaiting.await();
                caller.interrupt();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    interrupter.start();
    Throwable thrown = catchThrowable(() -> manager.exit(null));
    boolean callerInterrupted = Thread.interrupted(); // also clears it for the next tests
    interrupter.join();
    assertThat(teardownSaw.get()).isInstanceOf(InterruptedException.class);
    assertThat(thrown).isSameAs(teardownSaw.get());
    assertThat(callerInterrupted).isTrue();
  }

  @Test
  void splitMode_abandonedManager_closesItsBodyWhenCollected() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<@Nullable Thread> helper = new AtomicReference<>();
    WeakReference<ContextManager<String>> ref =
        enterAndDrop(
            () ->
                SplitModes.onThreads(
                    y -> {
                      helper.set(Thread.currentThread());
                      try {
                        y.yield("v");
                        log.add("must not resume normally");
                      } finally {
                        closed.countDown();
                      }
                    }));
    GcTesting.awaitGc(() -> ref.get() == null && closed.getCount() == 0);
    assertThat(ref.get()).isNull();
    assertThat(closed.getCount()).as("the suspended body was closed").isZero();
    Thread thread = helper.get();
    assertThat(thread).isNotNull();
    // A virtual thread ends with the body; a pooled platform thread goes back to the pool, which
    // ends idle threads after 5 seconds. Either way no thread is left waiting for this manager.
    thread.join(30_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(log).isEmpty();
  }

  private static WeakReference<ContextManager<String>> enterAndDrop(
      Supplier<ContextManager<String>> factory) throws Exception {
    ContextManager<String> manager = factory.get();
    assertThat(manager.enter()).isEqualTo("v");
    return new WeakReference<>(manager);
  }

  @Test
  void decorator_runsAFreshBodyPerCall_recursively() {
    AtomicInteger starts = new AtomicInteger();
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              starts.incrementAndGet();
              y.yield("v");
            });
    AtomicReference<@Nullable Runnable> self = new AtomicReference<>();
    AtomicInteger depth = new AtomicInteger();
    Runnable recursive =
        Contexts.decorateRunnable(
            manager,
            () -> {
              if (depth.incrementAndGet() < 10) {
                Runnable r = self.get();
                if (r != null) {
                  r.run();
                }
              }
            });
    self.set(recursive);
    recursive.run();
    assertThat(starts).hasValue(10);
    depth.set(0);
    recursive.run();
    assertThat(starts).hasValue(20);
  }

  @Test
  void decorator_runsAFreshBodyPerCall_concurrently() throws Exception {
    AtomicInteger starts = new AtomicInteger();
    CountDownLatch allInside = new CountDownLatch(4);
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              starts.incrementAndGet();
              y.yield("v");
            });
    Runnable decorated =
        Contexts.decorateRunnable(
            manager,
            () -> {
              allInside.countDown();
              try {
                allInside.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(pool.submit(decorated));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(starts).hasValue(4);
  }
}
