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
import static org.contextlib4j.EndOfTheStackFixture.CLEANUPS;
import static org.contextlib4j.EndOfTheStackFixture.callbacks;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.contextlib4j.EndOfTheStackFixture.Shape;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A close called at the very end of the thread's stack, where the stack's own code overflows: the
 * case of a {@code finally} or try-with-resources run while a {@link StackOverflowError} propagates
 * out of a deep recursion. The test recurses until the stack overflows and, on the way back, calls
 * {@code close()} at every depth, so that some closes fail in the stack's own code at every point
 * of the unwinding. What is promised (README, features; docs/semantics.md, nesting and threads):
 *
 * <ul>
 *   <li>the error propagates (each escape is counted);
 *   <li>no cleanup runs twice, and at most one cleanup is given up per escape (the one being taken
 *       off when the error struck, which counts as having failed with it, as a {@code close()} that
 *       overflows in try-with-resources does); every other one runs in a later close;
 *   <li>the stack stays usable: an {@link ExitStack} is not left marked as unwinding ({@code
 *       popAll} works), a {@link ConcurrentExitStack} is not left closing (a close from another
 *       thread returns, and the next close on a shallow stack closes it).
 * </ul>
 */
class EndOfTheStackTest {

  private static final int ROUNDS = 20;

  static Stream<Arguments> shapes() {
    return Stream.of(
            new Shape("ExitStack", () -> callbacks(new ExitStack(), null)),
            new Shape("ConcurrentExitStack", () -> callbacks(new ConcurrentExitStack(), null)),
            new Shape(
                "ConcurrentExitStack in an ExitStack",
                () -> callbacks(new ExitStack(), new ConcurrentExitStack())),
            new Shape(
                "ExitStack in a ConcurrentExitStack",
                () -> callbacks(new ConcurrentExitStack(), new ExitStack())),
            new Shape(
                "three deep: registered as a resource, entered through closing",
                EndOfTheStackTest::threeDeep),
            new Shape("handles on an ExitStack", () -> handles(new ExitStack())),
            new Shape("handles on a ConcurrentExitStack", () -> handles(new ConcurrentExitStack())))
        .map(Arguments::of);
  }

  private static EndOfTheStackFixture threeDeep() {
    ConcurrentExitStack root = new ConcurrentExitStack();
    ExitStack middle = new ExitStack();
    ConcurrentExitStack inner = new ConcurrentExitStack();
    root.callback(() -> {});
    root.register(middle);
    middle.callback(() -> {});
    middle.enterContext(Contexts.closing(inner));
    EndOfTheStackFixture f = callbacks(inner, null);
    return new EndOfTheStackFixture(root, inner, f.runs);
  }

  private static EndOfTheStackFixture handles(AbstractExitStack root) {
    int[] runs = new int[CLEANUPS];
    for (int i = 0; i < CLEANUPS; i++) {
      int id = i;
      var unused = root.handles().callback(() -> runs[id]++);
    }
    return new EndOfTheStackFixture(root, root, runs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void closeAtEveryDepthNearTheEnd_runsEachCleanupAtMostOnce_losesAtMostOnePerEscape_staysUsable(
      Shape shape) throws Exception {
    warmUp(shape);
    int escapes = 0;
    int notRun = 0;
    for (int round = 0; round < ROUNDS; round++) {
      EndOfTheStackFixture f = shape.make().get();
      AutoCloseable root = (AutoCloseable) f.root;
      int[] escaped = {0};
      Throwable outcome =
          SmallStack.run(
              () -> {
                closeOnTheWayBack(root, escaped);
                root.close(); // shallow again: runs what is left
              });
      assertThat(outcome).as("round %d: the shallow close", round).isNull();
      escapes += escaped[0];
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
    assertThat(SmallStack.run(((AutoCloseable) f.root)::close))
        .isInstanceOf(StackOverflowError.class);
    assertUsable(f);
    EndOfTheStackFixture clean = shape.make().get(); // and the paths of a close with no failure
    assertThat(SmallStack.run(((AutoCloseable) clean.root)::close)).isNull();
    assertUsable(clean);
  }

  /**
   * Recurses until the stack overflows, then closes {@code root} at every depth on the way back.
   */
  @SuppressWarnings("InfiniteRecursion")
  private static void closeOnTheWayBack(AutoCloseable root, int[] escaped) {
    try {
      closeOnTheWayBack(root, escaped);
    } catch (StackOverflowError endOfTheStack) {
      // from here on, back up
    }
    try {
      root.close();
    } catch (StackOverflowError e) {
      escaped[0]++;
    } catch (Exception e) {
      throw new AssertionError("only the overflow may escape", e);
    }
  }

  private static void assertUsable(EndOfTheStackFixture f) throws Exception {
    AbstractExitStack root = f.root;
    if (root instanceof ExitStack stack) {
      assertThat(stack).hasToString("ExitStack[0 cleanups]");
      stack.popAll().close(); // refused while marked as unwinding
      AtomicInteger ran = new AtomicInteger();
      stack.callback(ran::incrementAndGet);
      stack.close();
      assertThat(ran).hasValue(1);
    } else {
      ConcurrentExitStack stack = (ConcurrentExitStack) root;
      AtomicReference<@Nullable Throwable> other = new AtomicReference<>();
      Thread closer =
          new Thread(
              () -> {
                try {
                  stack.close();
                } catch (Throwable t) {
                  other.set(t);
                }
              });
      closer.start();
      closer.join(10_000);
      assertThat(closer.isAlive()).as("a close from another thread waits forever").isFalse();
      assertThat(other.get()).isNull();
      assertThat(stack).hasToString("ConcurrentExitStack[closed]");
      AtomicInteger ran = new AtomicInteger();
      assertThatThrownBy(() -> stack.callback(ran::incrementAndGet))
          .isInstanceOf(IllegalStateException.class);
      assertThat(ran).hasValue(1);
    }
    if (f.holder != root) {
      assertThat(f.holder.size).as("the nested stack's cleanups left").isZero();
    }
  }
}
