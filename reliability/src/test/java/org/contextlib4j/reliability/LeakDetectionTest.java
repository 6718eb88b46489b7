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
package org.contextlib4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.contextlib4j.AsyncContextManager;
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.contextlib4j.LeakDetection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leak detection (issue 6): with detection on, a stack or entered manager that becomes unreachable
 * with cleanups pending is reported through {@code System.Logger} with where it was created; one
 * that was closed, emptied or handed on is not; with detection off nothing is.
 */
class LeakDetectionTest {

  private static final Logger JUL = Logger.getLogger(LeakDetection.LOGGER_NAME);
  private final List<LogRecord> reports = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          reports.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    JUL.addHandler(handler);
    JUL.setUseParentHandlers(false); // keep the expected reports out of the build's output
  }

  @AfterEach
  void stopListening() {
    LeakDetection.disable();
    JUL.removeHandler(handler);
    JUL.setUseParentHandlers(true);
  }

  @Test
  void droppedStackWithPendingCleanups_isReportedWithWhereItWasCreated() {
    LeakDetection.enable();
    leakAStack();

    awaitGc(() -> !reports.isEmpty());

    assertThat(reports).hasSize(1);
    LogRecord report = reports.get(0);
    assertThat(report.getLevel()).isEqualTo(Level.WARNING);
    assertThat(report.getMessage())
        .startsWith(
            "LEAK: ExitStack became unreachable with cleanups pending; they will never run");
    assertThat(report.getThrown()).hasMessage("ExitStack created here");
    assertThat(report.getThrown().getStackTrace())
        .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("leakAStack"));
  }

  private static void leakAStack() {
    ExitStack stack = new ExitStack();
    stack.callback(() -> {});
  }

  @Test
  void closedEmptiedAndHandedOnStacks_areNotReported_butTheLeakedOneIs() {
    LeakDetection.enable();
    List<WeakReference<Object>> fine = new ArrayList<>();
    fine.add(closedStack());
    fine.add(neverUsedStack());
    fine.add(stackHandedOnWithPopAll());
    fine.add(asyncStackClosed());
    fine.add(generatorManagerExited());
    leakAStack();

    awaitGc(() -> !reports.isEmpty() && fine.stream().allMatch(r -> r.get() == null));
    settle();

    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).getMessage()).startsWith("LEAK: ExitStack ");
  }

  private static WeakReference<Object> closedStack() {
    ExitStack stack = new ExitStack();
    stack.callback(() -> {});
    stack.register(() -> {});
    stack.close();
    return new WeakReference<>(stack);
  }

  private static WeakReference<Object> neverUsedStack() {
    return new WeakReference<>(new ExitStack());
  }

  private static List<ExitStack> keptAlive = new ArrayList<>();

  private static WeakReference<Object> stackHandedOnWithPopAll() {
    ExitStack stack = new ExitStack();
    stack.callback(() -> {});
    keptAlive.add(stack.popAll()); // the receiving stack is still reachable: not a leak either
    return new WeakReference<>(stack);
  }

  private static WeakReference<Object> asyncStackClosed() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(() -> CompletableFuture.completedFuture(null));
    stack.closeAsync().toCompletableFuture().join();
    return new WeakReference<>(stack);
  }

  private static WeakReference<Object> generatorManagerExited() {
    ContextManager<String> manager = Contexts.contextManager(y -> y.yield("value"));
    try (ExitStack stack = new ExitStack()) {
      stack.enterContext(manager);
    }
    return new WeakReference<>(manager);
  }

  @Test
  void droppedAsyncStack_isReported() {
    LeakDetection.enable();
    leakAnAsyncStack();

    awaitGc(() -> !reports.isEmpty());

    assertThat(reports.get(0).getMessage()).startsWith("LEAK: AsyncExitStack became unreachable");
  }

  private static void leakAnAsyncStack() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncCallback(() -> CompletableFuture.completedFuture(null));
  }

  @Test
  void enteredButNotExitedGeneratorStyleManager_isReported_andItsBodyIsClosed() throws Exception {
    LeakDetection.enable();
    CompletableFuture<String> finallyRan = new CompletableFuture<>();
    enterAndDrop(finallyRan);

    awaitGc(() -> !reports.isEmpty() && finallyRan.isDone());

    assertThat(reports.get(0).getMessage())
        .startsWith("LEAK: generator-style context manager became unreachable with cleanups");
    assertThat(finallyRan.get(10, TimeUnit.SECONDS)).isEqualTo("closed");
  }

  private static void enterAndDrop(CompletableFuture<String> finallyRan) throws Exception {
    ContextManager<String> manager =
        Contexts.contextManager(
            y -> {
              try {
                y.yield("value");
              } finally {
                finallyRan.complete("closed");
              }
            });
    String ignored = manager.enter();
  }

  @Test
  void enteredButNotExitedAsyncGeneratorStyleManager_isReported() {
    LeakDetection.enable();
    enterAsyncAndDrop();

    awaitGc(() -> !reports.isEmpty());

    assertThat(reports.get(0).getMessage())
        .startsWith("LEAK: async generator-style context manager became unreachable");
  }

  private static void enterAsyncAndDrop() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("value"));
    String ignored = manager.enterAsync().toCompletableFuture().join();
  }

  @Test
  void whenOff_aDroppedStackIsNotReported() {
    assertThat(LeakDetection.isEnabled()).isFalse();
    WeakReference<Object> leaked = leakAStackOff();

    awaitGc(() -> leaked.get() == null);
    settle();

    assertThat(reports).isEmpty();
  }

  private static WeakReference<Object> leakAStackOff() {
    ExitStack stack = new ExitStack();
    stack.callback(() -> {});
    return new WeakReference<>(stack);
  }

  @Test
  void stackTrackedBeforeDetectionWasTurnedOff_andClosedAfter_isNotReported() {
    LeakDetection.enable();
    ExitStack stack = new ExitStack();
    stack.callback(() -> {});
    LeakDetection.disable();
    stack.close();
    WeakReference<Object> closed = new WeakReference<>(stack);
    stack = null;
    assertThat(LeakDetection.isEnabled()).isFalse();

    awaitGc(() -> closed.get() == null);
    settle();

    assertThat(reports).isEmpty();
  }

  @Test
  void systemProperty_turnsDetectionOnAtStartUp() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process =
        new ProcessBuilder(
                java,
                "-D" + LeakDetection.PROPERTY + "=true",
                "-cp",
                System.getProperty("java.class.path"),
                LeakingMain.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output)
        .contains("enabled=true")
        .contains("LEAK: ExitStack became unreachable with cleanups pending")
        .contains("ExitStack created here")
        .contains("LeakingMain.leak");
  }

  /** Run in a child JVM by {@link #systemProperty_turnsDetectionOnAtStartUp}. */
  static final class LeakingMain {
    // Held strongly: java.util.logging keeps loggers only weakly, and the loop below collects.
    private static final Logger LOGGER = Logger.getLogger(LeakDetection.LOGGER_NAME);

    public static void main(String[] args) throws Exception {
      System.out.println("enabled=" + LeakDetection.isEnabled());
      CompletableFuture<Void> printed = new CompletableFuture<>();
      // The report is printed here, before the main thread is told, rather than by the root
      // logger's console handler: that one runs after this handler, on the cleaner thread, and the
      // JVM could exit before it printed.
      LOGGER.setUseParentHandlers(false);
      LOGGER.addHandler(
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              System.out.print(new SimpleFormatter().format(record));
              System.out.flush();
              printed.complete(null);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
      leak();
      for (int i = 0; i < 400 && !printed.isDone(); i++) {
        System.gc();
        Thread.sleep(50);
      }
    }

    private static void leak() {
      new ExitStack().callback(() -> {});
    }
  }

  /** Runs the garbage collector until {@code done}, for at most 20 seconds. */
  private static void awaitGc(BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("garbage collected within 20 s").isLessThan(deadline);
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Gives the cleaner thread time to run the actions of objects already collected. */
  private static void settle() {
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
