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
import static org.contextlib4j.GcTesting.awaitGc;
import static org.contextlib4j.GcTesting.settle;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.contextlib4j.internal.Leaks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leak detection's bookkeeping, in the library's own module (issue 6): which objects are reported
 * when dropped, seen through the internal reporter instead of {@code System.Logger}. The module
 * {@code reliability} tests the same feature end to end through {@code java.util.logging} and the
 * system property.
 */
class LeakTrackingTest {

  private final List<String> reports = new CopyOnWriteArrayList<>();

  @BeforeEach
  void capture() {
    // Start from the state of a fresh JVM without the system property, whatever ran before.
    Leaks.enabled = false;
    Leaks.used = false;
    Leaks.reporter = (message, created) -> reports.add(message + " | " + created.getMessage());
  }

  @AfterEach
  void restore() {
    LeakDetection.disable();
    Leaks.reporter = Leaks.SYSTEM_LOGGER;
  }

  @Test
  void enableDisable_andIsEnabled() {
    assertThat(LeakDetection.isEnabled()).isFalse();
    LeakDetection.enable();
    assertThat(LeakDetection.isEnabled()).isTrue();
    LeakDetection.disable();
    assertThat(LeakDetection.isEnabled()).isFalse();
    assertThat(LeakDetection.PROPERTY).isEqualTo("org.contextlib4j.leakDetection");
    assertThat(LeakDetection.LOGGER_NAME).isEqualTo("org.contextlib4j.leaks");
  }

  @Test
  void eachKindOfStack_droppedWithCleanupsPending_isReportedOnce() {
    LeakDetection.enable();
    dropWithPending(new ExitStack());
    dropWithPending(new AsyncExitStack());
    dropWithPending(new ConcurrentExitStack());

    awaitGc(() -> reports.size() >= 3);

    assertThat(reports)
        .containsExactlyInAnyOrder(
            "LEAK: ExitStack became unreachable with cleanups pending; they will never run. Close"
                + " it (try-with-resources, Contexts.run) or hand its cleanups on (popAll). Where"
                + " it was created is attached. | ExitStack created here",
            "LEAK: AsyncExitStack became unreachable with cleanups pending; they will never run."
                + " Close it (try-with-resources, Contexts.run) or hand its cleanups on (popAll)."
                + " Where it was created is attached. | AsyncExitStack created here",
            "LEAK: ConcurrentExitStack became unreachable with cleanups pending; they will never"
                + " run. Close it (try-with-resources, Contexts.run) or hand its cleanups on"
                + " (popAll). Where it was created is attached. | ConcurrentExitStack created here");
  }

  private static void dropWithPending(AbstractExitStack stack) {
    stack.callback(() -> {});
  }

  @Test
  void stacksThatEndedEmpty_areNotReported() throws Exception {
    LeakDetection.enable();
    List<WeakReference<Object>> fine = new CopyOnWriteArrayList<>();
    ExitStack closed = new ExitStack();
    closed.callback(() -> {});
    closed.register(() -> {});
    closed.close();
    fine.add(new WeakReference<>(closed));
    ExitStack handedOn = new ExitStack();
    handedOn.callback(() -> {});
    ExitStack receiver = handedOn.popAll();
    fine.add(new WeakReference<>(handedOn));
    receiver.close(); // the receiving stack is tracked too: closed, it is not reported either
    fine.add(new WeakReference<>(receiver));
    ExitStack emptiedByRunNow = new ExitStack();
    emptiedByRunNow.handles().callback(() -> {}).runNow(); // the handle's slot is still there
    emptiedByRunNow.close();
    fine.add(new WeakReference<>(emptiedByRunNow));
    closed = null;
    handedOn = null;
    receiver = null;
    emptiedByRunNow = null;
    ExitStack leaked = new ExitStack();
    leaked.callback(() -> {});
    leaked = null;

    awaitGc(() -> !reports.isEmpty() && fine.stream().allMatch(r -> r.get() == null));
    settle();

    assertThat(reports).hasSize(1);
  }

  /** The false alarm LeakDetection's Javadoc names: finished handles keep their slots. */
  @Test
  void stackDroppedUnclosed_whoseOnlyRegistrationWasCancelled_isReported_asDocumented() {
    LeakDetection.enable();
    dropWithCancelledHandle(new ExitStack());

    awaitGc(() -> !reports.isEmpty());

    assertThat(reports).singleElement().asString().startsWith("LEAK: ExitStack ");
  }

  private static void dropWithCancelledHandle(ExitStack stack) {
    assertThat(stack.handles().callback(() -> {}).cancel()).isTrue();
  }

  @Test
  void receiverOfPopAll_droppedWithTheCleanups_isReported_andTheEmptiedStackIsNot() {
    LeakDetection.enable();
    WeakReference<ExitStack> emptied = popAllAndDropBoth();

    awaitGc(() -> !reports.isEmpty() && emptied.get() == null);
    settle();

    assertThat(reports).singleElement().asString().startsWith("LEAK: ExitStack ");
  }

  @Test
  void popAllOfAnEmptyStack_givesAStackThatIsNotReportedWhenDropped() {
    LeakDetection.enable();
    WeakReference<ExitStack> receiver = popAllOfEmpty();
    ExitStack leaked = new ExitStack(); // a real leak, to know that the cleaner has run
    leaked.callback(() -> {});
    leaked = null;

    awaitGc(() -> !reports.isEmpty() && receiver.get() == null);
    settle();

    assertThat(reports).hasSize(1);
  }

  private static WeakReference<ExitStack> popAllOfEmpty() {
    return new WeakReference<>(new ExitStack().popAll());
  }

  private static WeakReference<ExitStack> popAllAndDropBoth() {
    ExitStack stack = new ExitStack();
    stack.callback(() -> {});
    ExitStack unused = stack.popAll();
    return new WeakReference<>(stack);
  }

  @Test
  void trackedThenDetectionTurnedOff_closingStillClearsThePendingMark() {
    LeakDetection.enable();
    ExitStack stack = new ExitStack();
    stack.callback(() -> {});
    LeakDetection.disable();
    stack.close();
    WeakReference<ExitStack> ref = new WeakReference<>(stack);
    stack = null;
    ExitStack untracked = new ExitStack(); // created while off: never reported
    untracked.callback(() -> {});
    untracked = null;

    awaitGc(() -> ref.get() == null);
    settle();

    assertThat(reports).isEmpty();
  }

  @Test
  void stackMadeWhileOff_isNotTrackedOnceDetectionIsTurnedOn_andAStackMadeAfterIs() {
    ExitStack before = new ExitStack(); // made while off: never tracked, whatever happens later
    LeakDetection.enable();
    before.callback(() -> {});
    WeakReference<ExitStack> untracked = new WeakReference<>(before);
    before = null;
    ExitStack after = new ExitStack(); // a real leak, to know that the cleaner has run
    after.callback(() -> {});
    after = null;

    awaitGc(() -> !reports.isEmpty() && untracked.get() == null);
    settle();

    assertThat(reports).singleElement().asString().startsWith("LEAK: ExitStack ");
  }

  @Test
  void generatorStyleManagers_enteredButNotExited_areReported_exitedOnesAreNot() throws Exception {
    LeakDetection.enable();
    CompletableFuture<String> closedBody = new CompletableFuture<>();
    enterAndDrop(closedBody);
    WeakReference<Object> exited = enterAndExit();
    enterAsyncAndDrop();
    WeakReference<Object> exitedAsync = enterAsyncAndExit();

    awaitGc(
        () ->
            reports.size() >= 2
                && exited.get() == null
                && exitedAsync.get() == null
                && closedBody.isDone());
    settle();

    assertThat(reports)
        .hasSize(2)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("LEAK: generator-style context manager ")
                    // a body on a helper thread (SplitModes.onThreads) is closed, unlike a
                    // continuation's (SplitModeContinuationTest)
                    .contains("its body is closed without the block's exception")
                    .contains(
                        "Exit it after entering it (Contexts.with or run do both), or enter it"
                            + " into a stack that is closed.")
                    .doesNotContain("popAll"))
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("LEAK: async generator-style context manager ")
                    .contains(
                        "Exit it after entering it (Contexts.withAsync does both), or enter it"
                            + " into an AsyncExitStack that is closed.")
                    .doesNotContain("popAll"));
    assertThat(closedBody.get(10, TimeUnit.SECONDS)).isEqualTo("finally ran");
  }

  private static void enterAndDrop(CompletableFuture<String> closedBody) throws Exception {
    ContextManager<String> manager =
        SplitModes.onThreads(
            y -> {
              try {
                y.yield("value");
              } finally {
                closedBody.complete("finally ran");
              }
            });
    String unused = manager.enter();
  }

  @Test
  void aMisuseError_namesWhereTheManagerWasCreated_whenDetectionRecordedIt() {
    LeakDetection.enable();
    ContextManager<String> tracked = yieldsTwice();
    assertThatThrownBy(() -> Contexts.run(tracked, value -> {}))
        .isExactlyInstanceOf(IllegalStateException.class)
        .message()
        .matches(
            ".*a body must call yield exactly once \\(the manager was created at"
                + " org\\.contextlib4j\\.LeakTrackingTest\\.yieldsTwice\\(LeakTrackingTest\\.java:\\d+\\)\\)");

    LeakDetection.disable();
    assertThatThrownBy(() -> Contexts.run(yieldsTwice(), value -> {}))
        .as("created while detection was off")
        .hasMessageNotContaining("created at");
  }

  private static ContextManager<String> yieldsTwice() {
    return Contexts.contextManager(
        y -> {
          y.yield("first");
          y.yield("second");
        });
  }

  private static WeakReference<Object> enterAndExit() throws Exception {
    ContextManager<String> manager = Contexts.contextManager(y -> y.yield("value"));
    String unused = manager.enter();
    assertThat(manager.exit(null)).isFalse();
    return new WeakReference<>(manager);
  }

  private static void enterAsyncAndDrop() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("v"));
    String unused = manager.enterAsync().toCompletableFuture().join();
  }

  private static WeakReference<Object> enterAsyncAndExit() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("v"));
    String unused = manager.enterAsync().toCompletableFuture().join();
    assertThat(manager.exitAsync(null).toCompletableFuture().join()).isFalse();
    return new WeakReference<>(manager);
  }
}
