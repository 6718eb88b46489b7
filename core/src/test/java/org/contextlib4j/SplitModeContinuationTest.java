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

import static java.lang.invoke.MethodType.methodType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.contextlib4j.internal.Continuations;
import org.contextlib4j.internal.HelperThreads;
import org.contextlib4j.internal.Leaks;
import org.contextlib4j.internal.Throwables;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Split mode ({@code enter()} and {@code exit()} called separately) when the body runs as a
 * continuation mounted on the caller's thread (JDK 21+ with {@code jdk.internal.vm} exported to the
 * library). Skipped when continuations are not active; the build's JDK 25 pass activates them, and
 * {@link SplitModeSelectionTest} fails if it silently does not.
 */
class SplitModeContinuationTest {

  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void requireContinuations() {
    assumeThat(Continuations.active()).as("continuations active").isTrue();
  }

  @Test
  void threadLocalSetInSetup_isVisibleToTheBlock_andTheBlocksValueToTeardown() throws Exception {
    ThreadLocal<String> context = new ThreadLocal<>();
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              context.set("from setup");
              try {
                y.yield("v");
                log.add("teardown sees " + context.get());
              } finally {
                context.remove();
              }
            });
    manager.enter();
    assertThat(context.get()).isEqualTo("from setup");
    context.set("from block");
    manager.exit(null);
    assertThat(log).containsExactly("teardown sees from block");
    assertThat(context.get()).isNull();
  }

  @Test
  void reentrantLockTakenInSetup_isHeldByTheBlock_andReleasedByTeardown() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    ContextManager<ReentrantLock> manager =
        Contexts.contextManager(
            y -> {
              lock.lock();
              try {
                y.yield(lock);
              } finally {
                lock.unlock();
              }
            });
    assertThat(manager.enter().isHeldByCurrentThread()).isTrue();
    manager.exit(null);
    assertThat(lock.isLocked()).isFalse();
  }

  @Test
  void teardownStackTrace_showsTheCallerOfExit() throws Exception {
    Throwable[] teardown = new Throwable[1];
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              y.yield("v");
              teardown[0] = new Throwable();
            });
    manager.enter();
    manager.exit(null);
    assertThat(teardown[0].getStackTrace())
        .anySatisfy(
            frame ->
                assertThat(frame.getMethodName())
                    .isEqualTo("teardownStackTrace_showsTheCallerOfExit"));
  }

  @Test
  void exitOnAnotherThread_resumesTheBodyOnThatThread() throws Exception {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ContextManager<String> manager = Contexts.contextManager(SplitModes.recordingThreads(threads));
    manager.enter();
    CompletableFuture<Boolean> exited = new CompletableFuture<>();
    Thread other =
        new Thread(
            () -> {
              try {
                exited.complete(manager.exit(null));
              } catch (Throwable t) {
                exited.completeExceptionally(t);
              }
            },
            "exiting thread");
    other.start();
    assertThat(exited.get(30, TimeUnit.SECONDS)).isFalse();
    other.join();
    assertThat(threads).containsExactly(Thread.currentThread(), other);
  }

  @Test
  void splitModeManagersNestedThreeDeep_runOnTheCallersThread_andUnwindInnermostFirst()
      throws Exception {
    ContextManager<String> c = Contexts.contextManager(body("c", () -> "c"));
    ContextManager<String> b = Contexts.contextManager(body("b", c::enter, c));
    ContextManager<String> a = Contexts.contextManager(body("a", b::enter, b));
    assertThat(a.enter()).isEqualTo("c");
    assertThat(a.exit(null)).isFalse();
    String me = Thread.currentThread().getName();
    assertThat(log)
        .containsExactly(
            "a setup on " + me,
            "b setup on " + me,
            "c setup on " + me,
            "c teardown on " + me,
            "b teardown on " + me,
            "a teardown on " + me);
  }

  @Test
  void blockFailure_isThrownIntoTheOuterBody_whichPassesItToTheNestedOnes() throws Exception {
    ContextManager<String> c = Contexts.contextManager(body("c", () -> "c"));
    ContextManager<String> b = Contexts.contextManager(body("b", c::enter, c));
    ContextManager<String> a = Contexts.contextManager(body("a", b::enter, b));
    IllegalStateException failure = new IllegalStateException("block");
    a.enter();
    assertThat(a.exit(failure)).as("suppressed").isFalse(); // it continues: the caller rethrows
    assertThat(log)
        .filteredOn(line -> line.contains("saw"))
        .containsExactly("a saw block", "b saw block", "c saw block");
  }

  /**
   * A body that enters {@code inner} (if any) in split mode inside its own body, yields what {@code
   * value} returns, and exits {@code inner} in its teardown with the block's failure.
   */
  private GeneratorBody<String> body(
      String name, ThrowingSupplier value, @Nullable ContextManager<String> inner) {
    return y -> {
      log.add(name + " setup on " + Thread.currentThread().getName());
      try {
        y.yield(value.get());
      } catch (Throwable t) {
        log.add(name + " saw " + t.getMessage());
        if (inner != null) {
          inner.exit(t);
        }
        throw t;
      }
      if (inner != null) {
        inner.exit(null);
      }
      log.add(name + " teardown on " + Thread.currentThread().getName());
    };
  }

  private GeneratorBody<String> body(String name, ThrowingSupplier value) {
    return body(name, value, null);
  }

  @FunctionalInterface
  private interface ThrowingSupplier {
    String get() throws Exception;
  }

  @Test
  void callbackModeInsideASplitModeBody_yieldsFromInsideTheCallbacksBlock() throws Exception {
    ContextManager<String> callback =
        Contexts.contextManager(
            y -> {
              log.add("callback setup");
              y.yield("inner");
              log.add("callback teardown");
            });
    ContextManager<String> split =
        Contexts.contextManager(
            y ->
                Contexts.run(
                    callback,
                    inner -> {
                      y.yield("outer+" + inner);
                    }));
    assertThat(split.enter()).isEqualTo("outer+inner");
    log.add("block");
    split.exit(null);
    assertThat(log).containsExactly("callback setup", "block", "callback teardown");
  }

  @Test
  void splitModeInsideAsyncExitStackCleanups_runsOnTheThreadThatRunsTheCleanup() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    GeneratorBody<String> body = SplitModes.recordingThreads(threads);
    // A sync manager entered on the async stack: its exit runs when the stack unwinds.
    stack.enterContext(Contexts.contextManager(body));
    CompletableFuture<@Nullable Void> gate = new CompletableFuture<>();
    // A cleanup that waits for a stage, then enters and exits a split-mode manager itself.
    stack.pushAsyncCallback(
        () ->
            gate.thenRun(
                () -> {
                  try {
                    ContextManager<String> m = Contexts.contextManager(body);
                    m.enter();
                    m.exit(null);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
    CompletableFuture<@Nullable Void> closed = stack.closeAsync().toCompletableFuture();
    Thread completer = new Thread(() -> gate.complete(null), "completer");
    completer.start();
    closed.get(30, TimeUnit.SECONDS);
    completer.join();
    // The first body's setup ran here; its teardown and the cleanup's manager ran on the thread
    // that completed the gate, each body staying on one thread from its enter to its exit.
    assertThat(threads).hasSize(4);
    assertThat(threads.get(0)).isSameAs(Thread.currentThread());
    assertThat(threads.subList(1, 4)).containsOnly(completer);
  }

  @Test
  void insideAVirtualThread_bodiesSuspendAndParkWithIt() throws Exception {
    assumeThat(HelperThreads.virtual()).isTrue();
    CompletableFuture<List<String>> result = new CompletableFuture<>();
    HelperThreads.start(
        () -> {
          try {
            List<String> seen = new ArrayList<>();
            ContextManager<String> manager =
                Contexts.contextManager(
                    y -> {
                      Thread.sleep(1); // parks the virtual thread with this continuation on it
                      seen.add("setup " + Thread.currentThread().equals(Thread.currentThread()));
                      y.yield(Thread.currentThread().toString());
                      Thread.sleep(1);
                      seen.add("teardown");
                    });
            String setupThread = manager.enter();
            Thread.sleep(1); // parks while the body is suspended
            seen.add(setupThread.equals(Thread.currentThread().toString()) ? "same thread" : "no");
            manager.exit(null);
            result.complete(seen);
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    assertThat(result.get(30, TimeUnit.SECONDS))
        .containsExactly("setup true", "same thread", "teardown");
  }

  // --- pinning ---------------------------------------------------------------------------------

  private static final MethodHandle PIN = handle("pin");
  private static final MethodHandle UNPIN = handle("unpin");

  private static MethodHandle handle(String name) {
    try {
      return MethodHandles.lookup()
          .findStatic(Class.forName("jdk.internal.vm.Continuation"), name, methodType(void.class));
    } catch (ReflectiveOperationException e) {
      return MethodHandles.empty(methodType(void.class)); // not active: every test is skipped
    }
  }

  private static final AtomicInteger setups = new AtomicInteger();

  /** Yields inside a critical section, which pins the continuation as a native frame would. */
  private static final GeneratorBody<String> YIELDS_PINNED =
      y -> {
        setups.incrementAndGet();
        try {
          PIN.invokeExact();
          try {
            y.yield(Thread.currentThread().getName());
          } finally {
            UNPIN.invokeExact();
          }
        } catch (Throwable t) {
          throw Throwables.sneakyThrow(t);
        }
      };

  @Test
  void pinnedYield_closesTheBodyAndRunsItAgainOnAHelperThread_andLaterManagersGoStraightThere()
      throws Exception {
    setups.set(0);
    ContextManager<String> first = Contexts.contextManager(YIELDS_PINNED);
    String bodyThread = first.enter();
    assertThat(setups).as("setup ran, was closed, and ran again").hasValue(2);
    assertThat(bodyThread).isNotEqualTo(Thread.currentThread().getName());
    IllegalStateException failure = new IllegalStateException("block");
    assertThat(first.exit(failure)).as("suppressed").isFalse();

    ContextManager<String> second = Contexts.contextManager(YIELDS_PINNED);
    assertThat(second.enter()).isNotEqualTo(Thread.currentThread().getName());
    assertThat(setups).as("this body class is known to pin: one run").hasValue(3);
    assertThat(second.exit(null)).isFalse();
  }

  // --- abandoned managers ------------------------------------------------------------------------

  /** A service whose manager's body refers back to the service, as a method of it would. */
  private static final class Service {
    final byte[] payload = new byte[1 << 20];

    @SuppressWarnings("UnusedVariable") // the reference back from the service to its manager
    @Nullable ContextManager<byte[]> current;

    final AtomicInteger finallyRan;

    Service(AtomicInteger finallyRan) {
      this.finallyRan = finallyRan;
    }

    ContextManager<byte[]> open() {
      ContextManager<byte[]> manager =
          Contexts.contextManager(
              y -> {
                try {
                  y.yield(payload);
                } finally {
                  finallyRan.incrementAndGet();
                }
              });
      current = manager;
      return manager;
    }
  }

  @Test
  void abandonedManager_whoseBodyReferencesItsOwner_isCollected_andReportedWithItsCreationSite()
      throws Exception {
    List<String> reports = new CopyOnWriteArrayList<>();
    Leaks.Reporter previous = Leaks.reporter;
    Leaks.reporter =
        (message, created) ->
            reports.add(message + " | " + stackTraceMentions(created, "enterAndDropService"));
    LeakDetection.enable();
    try {
      AtomicInteger finallyRan = new AtomicInteger();
      WeakReference<Service> service = enterAndDropService(finallyRan);
      GcTesting.awaitGc(() -> service.get() == null && !reports.isEmpty());
      assertThat(reports)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r)
                      .startsWith("LEAK: generator-style context manager became unreachable")
                      .contains("never resumed")
                      .endsWith("| created in enterAndDropService"));
      // Documented: unlike Python, which closes a collected generator, the body is not resumed.
      assertThat(finallyRan).hasValue(0);
    } finally {
      LeakDetection.disable();
      Leaks.reporter = previous;
    }
  }

  private static WeakReference<Service> enterAndDropService(AtomicInteger finallyRan)
      throws Exception {
    Service service = new Service(finallyRan);
    service.open().enter();
    return new WeakReference<>(service);
  }

  private static String stackTraceMentions(Throwable created, String method) {
    for (StackTraceElement frame : created.getStackTrace()) {
      if (frame.getMethodName().equals(method)) {
        return "created in " + method;
      }
    }
    return "creation site missing";
  }
}
