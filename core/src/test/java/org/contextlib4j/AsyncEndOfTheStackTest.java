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
import static org.contextlib4j.EndOfTheStackFixture.CLEANUPS;
import static org.contextlib4j.EndOfTheStackFixture.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.contextlib4j.EndOfTheStackFixture.Shape;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EndOfTheStackTest} for the async driver: {@code closeAsync()} called at every depth on the
 * way back from a stack overflow, so that some closes fail in the stack's own code at every point
 * of the unwinding. Every cleanup's stage is already complete, so the whole unwinding runs on the
 * calling thread, as far down its stack as it was called. What is promised (README, features;
 * docs/semantics.md, nesting and threads), as for the sync stacks:
 *
 * <ul>
 *   <li>the error propagates, thrown by {@code closeAsync()} or as the failure of its stage (each
 *       escape is counted);
 *   <li>no cleanup runs twice, and at most one cleanup is given up per escape; every other one runs
 *       in a later close;
 *   <li>the stack stays usable: it is not left closing (a later {@code closeAsync()}, on this
 *       thread or another, completes, and so does every stage a close returned), nor driven by this
 *       thread (a close from a later callback on this thread is a close of its own), and {@code
 *       popAll()} works.
 * </ul>
 */
class AsyncEndOfTheStackTest {

  private static final int ROUNDS = 20;

  /** How long a stage a close returned may take; every cleanup's stage is complete already. */
  private static final long SECONDS = 10;

  static Stream<Arguments> shapes() {
    return Stream.of(
            new Shape("async callbacks", () -> asyncCallbacks(new AsyncExitStack())),
            new Shape("plain callbacks", () -> callbacks(new AsyncExitStack(), null)),
            new Shape(
                "ExitStack in an AsyncExitStack",
                () -> callbacks(new AsyncExitStack(), new ExitStack())),
            new Shape(
                "ConcurrentExitStack in an AsyncExitStack",
                () -> callbacks(new AsyncExitStack(), new ConcurrentExitStack())),
            new Shape("AsyncExitStack in an AsyncExitStack", AsyncEndOfTheStackTest::asyncInAsync))
        .map(Arguments::of);
  }

  private static EndOfTheStackFixture asyncCallbacks(AsyncExitStack root) {
    int[] runs = new int[CLEANUPS];
    for (int i = 0; i < CLEANUPS; i++) {
      int id = i;
      root.pushAsyncCallback(
          () -> {
            runs[id]++;
            return CompletableFuture.completedFuture(null);
          });
    }
    return new EndOfTheStackFixture(root, root, runs);
  }

  private static EndOfTheStackFixture asyncInAsync() {
    AsyncExitStack root = new AsyncExitStack();
    AsyncExitStack nested = new AsyncExitStack();
    root.callback(() -> {});
    root.pushAsyncExit(nested);
    EndOfTheStackFixture f = asyncCallbacks(nested);
    return new EndOfTheStackFixture(root, nested, f.runs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void closeAsyncAtEveryDepthNearTheEnd_runsEachCleanupAtMostOnce_staysUsable(Shape shape)
      throws Exception {
    warmUp(shape);
    int escapes = 0;
    int notRun = 0;
    for (int round = 0; round < ROUNDS; round++) {
      EndOfTheStackFixture f = shape.make().get();
      List<CompletionStage<?>> stages = new ArrayList<>();
      int[] thrown = {0};
      Throwable outcome =
          SmallStack.run(
              () -> {
                closeOnTheWayBack(root(f), stages, thrown);
                stages.add(root(f).closeAsync()); // shallow again: runs what is left
              });
      assertThat(outcome).as("round %d: nothing but the stages' outcomes", round).isNull();
      escapes += thrown[0];
      for (int i = 0; i < stages.size(); i++) {
        Throwable failure = outcomeOf(stages.get(i), "round " + round + ", close " + i);
        if (i == stages.size() - 1) {
          assertThat(failure).as("round %d: the shallow close", round).isNull();
        } else if (failure != null) {
          assertThat(failure).isInstanceOf(StackOverflowError.class);
          escapes++;
        }
      }
      notRun += f.notRun(round);
      assertThat(notRun)
          .as("cleanups given up, after round %d", round)
          .isLessThanOrEqualTo(escapes);
      assertUsable(f);
    }
    assertThat(escapes).as("closes the error escaped (or the test tests nothing)").isPositive();
  }

  /**
   * Runs every path once on a shallow stack: a class first initialized where the stack overflows
   * fails for good (NoClassDefFoundError), which is the JVM's doing, not what this test is about.
   */
  private static void warmUp(Shape shape) throws Exception {
    EndOfTheStackFixture f = shape.failingOnce();
    List<CompletionStage<?>> stages = new ArrayList<>();
    assertThat(SmallStack.run(() -> stages.add(root(f).closeAsync()))).isNull();
    assertThat(outcomeOf(stages.get(0), "warm-up")).isInstanceOf(StackOverflowError.class);
    assertUsable(f);
    EndOfTheStackFixture clean = shape.make().get(); // and the paths of a close with no failure
    assertThat(SmallStack.run(() -> stages.add(root(clean).closeAsync()))).isNull();
    assertThat(outcomeOf(stages.get(1), "warm-up, clean")).isNull();
    assertUsable(clean);
  }

  /**
   * Recurses until the stack overflows, then calls {@code closeAsync()} at every depth on the way
   * back, keeping the stages it returns and counting the calls that threw.
   */
  @SuppressWarnings("InfiniteRecursion")
  private static void closeOnTheWayBack(
      AsyncExitStack root, List<CompletionStage<?>> stages, int[] thrown) {
    try {
      closeOnTheWayBack(root, stages, thrown);
    } catch (StackOverflowError endOfTheStack) {
      // from here on, back up
    }
    CompletionStage<?> stage;
    try {
      stage = root.closeAsync();
    } catch (StackOverflowError e) {
      thrown[0]++;
      return;
    }
    try {
      stages.add(stage);
    } catch (StackOverflowError e) {
      // the list could not grow here: wait for it on a shallow stack instead
      CompletableFuture<?> s = stage.toCompletableFuture();
      while (!s.isDone()) {
        Thread.onSpinWait();
      }
      thrown[0] += s.isCompletedExceptionally() ? 1 : 0;
    }
  }

  /** {@return what {@code stage} failed with, or null} Fails if it does not complete in time. */
  private static @Nullable Throwable outcomeOf(CompletionStage<?> stage, String which)
      throws InterruptedException {
    try {
      stage.toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError(which + ": the stage never completed (the stack was left closing)");
    }
  }

  private static AsyncExitStack root(EndOfTheStackFixture f) {
    return (AsyncExitStack) f.root;
  }

  private static void assertUsable(EndOfTheStackFixture f) throws Exception {
    AsyncExitStack root = root(f);
    assertThat(root).hasToString("AsyncExitStack[0 cleanups]");
    assertThat(root.closing).as("left closing").isNull();
    var driving = AsyncExitStack.class.getDeclaredField("driving");
    driving.setAccessible(true);
    assertThat(driving.get(root)).as("left driven by the thread that overflowed").isNull();
    assertThat(outcomeOf(root.popAll().closeAsync(), "popAll")).isNull(); // refused if closing
    AtomicInteger ran = new AtomicInteger();
    root.callback(ran::incrementAndGet);
    CompletableFuture<@Nullable Void> fromAnotherThread = new CompletableFuture<>();
    Thread other =
        new Thread(
            () ->
                root.closeAsync()
                    .whenComplete(
                        (v, t) -> {
                          if (t == null) {
                            fromAnotherThread.complete(null);
                          } else {
                            fromAnotherThread.completeExceptionally(t);
                          }
                        }));
    other.start();
    other.join(SECONDS * 1000);
    assertThat(outcomeOf(fromAnotherThread, "a close from another thread")).isNull();
    assertThat(ran).hasValue(1);
    // A close from this thread now: not taken for one nested in a close this thread drives.
    root.callback(ran::incrementAndGet);
    assertThat(outcomeOf(root.closeAsync(), "a close from this thread")).isNull();
    assertThat(ran).hasValue(2);
    if (f.holder != root) {
      assertThat(f.holder.size).as("the nested stack's cleanups left").isZero();
    }
  }
}
