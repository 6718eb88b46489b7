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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stacks of the three kinds nested in each other, 100,000 deep, through every way one stack can be
 * registered on another (push, register, enterContext, closing, a handle, toAsync, with or without
 * a deadline), are unwound by one loop: on a 256 KiB thread stack every cleanup runs exactly once,
 * in LIFO order, and nothing is thrown. Seeded: the seed is in the test's name.
 */
class MixedNestingTest {

  private static final int DEPTH = 100_000;

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 6).mapToObj(i -> 0x5EED_0000L + i * 7919);
  }

  /** A level's parts, oldest first: leaf cleanups (their ids) and at most one nested level. */
  private static final class Level {
    final Object stack;
    final List<Object> parts = new ArrayList<>(); // Integer: a cleanup's id; Level: a nested stack

    Level(Object stack) {
      this.stack = stack;
    }
  }

  private int nextId;
  private int[] order = new int[0];
  private int ran;

  private void record(int id) {
    order[ran++] = id;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mixedNesting100000Deep_everyCleanupRunsOnceInLifoOrder(long seed) throws Exception {
    Random random = new Random(seed);
    boolean asyncRoot = random.nextBoolean();
    Level root = new Level(asyncRoot ? new AsyncExitStack() : randomSync(random));
    Level current = root;
    int asyncLevels = asyncRoot ? random.nextInt(DEPTH) : 0;
    for (int i = 0; i < DEPTH; i++) {
      if (random.nextBoolean()) {
        leaf(current, random);
      }
      Object inner = i < asyncLevels ? new AsyncExitStack() : randomSync(random);
      Level next = new Level(inner);
      nest(current, next, random);
      if (current.stack instanceof AsyncExitStack && random.nextInt(4) == 0) {
        sideSyncStack(current, random); // an async level holding a sync stack
      }
      if (random.nextBoolean()) {
        leaf(current, random);
      }
      current = next;
    }
    leaf(current, random);
    order = new int[nextId];
    int[] expected = expectedOrder(root);

    Throwable thrown = SmallStack.run(() -> close(root.stack));

    assertThat(thrown).as("thrown by close").isNull();
    assertThat(ran).as("cleanups run").isEqualTo(nextId);
    assertThat(order).as("LIFO order").isEqualTo(expected);
  }

  private static Object randomSync(Random random) {
    return random.nextBoolean() ? new ExitStack() : new ConcurrentExitStack();
  }

  private static void close(Object stack) throws Exception {
    if (stack instanceof AsyncExitStack async) {
      async.closeAsync().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } else {
      ((AutoCloseable) stack).close();
    }
  }

  private void leaf(Level level, Random random) {
    int id = nextId++;
    level.parts.add(id);
    Object stack = level.stack;
    if (stack instanceof AsyncExitStack async && random.nextBoolean()) {
      async.pushAsyncCallback(
          () -> {
            record(id);
            return CompletableFuture.completedFuture(null);
          });
    } else {
      ((AbstractExitStack) stack).callback(() -> record(id));
    }
  }

  private void sideSyncStack(Level level, Random random) {
    Level side = new Level(randomSync(random));
    leaf(side, random);
    nest(level, side, random);
  }

  /** Registers {@code inner}'s stack on {@code outer}'s, in a way chosen at random. */
  private static void nest(Level outer, Level inner, Random random) {
    outer.parts.add(inner);
    Object o = outer.stack;
    Object i = inner.stack;
    if (i instanceof AsyncExitStack in) {
      AsyncExitStack out = (AsyncExitStack) o;
      switch (random.nextInt(3)) {
        case 0 -> out.pushAsyncExit(in);
        case 1 -> out.pushAsyncExit(in, Duration.ofMinutes(5));
        default -> out.enterAsyncContext(in).toCompletableFuture().join();
      }
      return;
    }
    AbstractExitStack out = (AbstractExitStack) o;
    int ways = o instanceof AsyncExitStack ? 12 : 9;
    @SuppressWarnings("unchecked")
    ContextManager<Object> manager = (ContextManager<Object>) i;
    AutoCloseable resource = (AutoCloseable) i;
    switch (random.nextInt(ways)) {
      case 0 -> out.push(manager);
      case 1 -> out.register(resource);
      case 2 -> out.enterContext(manager);
      case 3 -> out.enterContext(Contexts.closing(resource));
      case 4 -> out.handles().push(manager);
      case 5 -> out.handles().register(resource);
      case 6 -> out.handles().enterContext(manager);
      case 7 -> out.handles().enterContext(Contexts.closing(resource));
      case 8 -> out.push(Contexts.closing(resource));
      case 9 -> ((AsyncExitStack) o).pushAsyncExit(Contexts.toAsync(manager));
      case 10 ->
          ((AsyncExitStack) o).pushAsyncExit(Contexts.toAsync(manager), Duration.ofMinutes(5));
      default -> ((AsyncExitStack) o).pushAsyncExit(Contexts.toAsync(Contexts.closing(resource)));
    }
  }

  /** The order the model says the cleanups run in: each level's parts newest first, depth first. */
  private static int[] expectedOrder(Level root) {
    List<Integer> out = new ArrayList<>();
    // An explicit stack of (level, next part index, counting down): no recursion here either.
    List<Level> levels = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    levels.add(root);
    positions.add(root.parts.size() - 1);
    while (!levels.isEmpty()) {
      int top = levels.size() - 1;
      int position = positions.get(top);
      if (position < 0) {
        levels.remove(top);
        positions.remove(top);
        continue;
      }
      positions.set(top, position - 1);
      Object part = levels.get(top).parts.get(position);
      if (part instanceof Level nested) {
        levels.add(nested);
        positions.add(nested.parts.size() - 1);
      } else {
        out.add((Integer) part);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
