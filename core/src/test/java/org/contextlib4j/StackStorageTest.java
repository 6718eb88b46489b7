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

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a stack stores its registrations: a stack whose registrations are all of one kind keeps no
 * per-entry kinds, and the first registration of another kind must give every earlier one its own.
 * Runs of one kind of every length around the array's growth points, then another kind, then the
 * first again: each entry must still run as what it was registered as (a handler read as a callback
 * would fail with a ClassCastException, which would be attached to the body's exception).
 */
class StackStorageTest {

  /** How one registration is made; each kind logs what ran and, for exits, what they saw. */
  enum Way {
    RESOURCE,
    CALLBACK,
    HANDLER,
    MANAGER,
    HANDLE
  }

  private final List<String> log = new ArrayList<>();

  static Stream<Arguments> runsThenAnotherKind() {
    return Stream.of(Way.values())
        .flatMap(
            a ->
                Stream.of(Way.values())
                    .filter(b -> b != a)
                    .flatMap(
                        b ->
                            IntStream.of(1, 2, 3, 4, 5, 8, 9, 16, 17, 33, 40)
                                .mapToObj(n -> Arguments.of(a, b, n))));
  }

  @ParameterizedTest(name = "{2} x {0}, then {1}")
  @MethodSource("runsThenAnotherKind")
  void aRunOfOneKindThenAnother_eachEntryRunsAsRegistered(Way a, Way b, int n) {
    runOfOneKindThenAnother(new ExitStack(), a, b, n);
  }

  /**
   * The same in the storage a {@link ConcurrentExitStack} takes its registrations into: an
   * untracked stack, which starts without an array and makes its first one at its second
   * registration.
   */
  @ParameterizedTest(name = "{2} x {0}, then {1}")
  @MethodSource("runsThenAnotherKind")
  void anUntrackedStorageStack_startingWithoutAnArray_runsEachEntryAsRegistered(
      Way a, Way b, int n) {
    runOfOneKindThenAnother(new ExitStack(false), a, b, n);
  }

  private void runOfOneKindThenAnother(ExitStack stack, Way a, Way b, int n) {
    List<String> expected = new ArrayList<>();
    int id = 0;
    for (Way way : plan(a, b, n)) {
      String name = way + "-" + id++;
      register(stack, way, name);
      expected.add(0, expectedLine(way, name));
    }
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = catchThrowable(() -> stack.close(body));

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).isEqualTo(expected);
  }

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  /**
   * Seeded-random stacks of 0-12 registrations of random kinds (the first in a field, the rest in
   * the array), one of which, a callback, registers 0-6 more of random kinds while the stack
   * unwinds (into slots whose entries have run): each entry runs once, as what it was registered
   * as, newest first, the late ones right after the callback that made them.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomKindsAndLengths_eachEntryRunsOnceAsRegistered_evenWhenACleanupRegistersMore(
      long seed) {
    Random random = new Random(seed);
    ExitStack stack = new ExitStack();
    List<String> expected = new ArrayList<>();
    int n = random.nextInt(13);
    int grower = n == 0 ? -1 : random.nextInt(n);
    for (int i = 0; i < n; i++) {
      String name = "e" + i;
      if (i != grower) {
        Way way = Way.values()[random.nextInt(Way.values().length)];
        register(stack, way, name);
        expected.add(0, expectedLine(way, name));
        continue;
      }
      List<Way> lateWays = new ArrayList<>();
      List<String> late = new ArrayList<>();
      for (int k = random.nextInt(7); k > 0; k--) {
        Way way = Way.values()[random.nextInt(Way.values().length)];
        String lateName = name + ".late" + late.size();
        lateWays.add(way);
        late.add(lateName);
        expected.add(0, expectedLine(way, lateName)); // these run right after the callback
      }
      stack.callback(
          () -> {
            log.add(name);
            for (int k = 0; k < late.size(); k++) {
              register(stack, lateWays.get(k), late.get(k));
            }
          });
      expected.add(0, name);
    }
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = catchThrowable(() -> stack.close(body));

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).isEqualTo(expected);
    assertThat(stack).hasToString("ExitStack[0 cleanups]");
  }

  @Test
  void aStackOfHandlesOnly_dropsFinishedOnesWhenFull_andRunsTheRestInOrder() {
    ExitStack stack = new ExitStack();
    List<Registration<CleanupAction>> registrations = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String name = "h" + i;
      registrations.add(stack.handles().callback(() -> log.add(name)));
      if (i % 3 == 0) {
        assertThat(registrations.get(i).cancel()).isTrue();
      }
    }

    stack.close();

    List<String> expected = new ArrayList<>();
    for (int i = 99; i >= 0; i--) {
      if (i % 3 != 0) {
        expected.add("h" + i);
      }
    }
    assertThat(log).isEqualTo(expected);
  }

  @Test
  void aReusedStack_takesTheKindOfItsNewRegistrations() {
    ExitStack stack = new ExitStack();
    for (int i = 0; i < 6; i++) {
      stack.callback(() -> log.add("callback"));
    }
    stack.close();
    log.clear();
    IllegalStateException body = new IllegalStateException("body");
    for (int i = 0; i < 6; i++) {
      register(stack, Way.HANDLER, "handler" + i);
    }

    assertThat(catchThrowable(() -> stack.close(body))).isSameAs(body);

    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).hasSize(6).allMatch(line -> line.endsWith("saw body"));
  }

  /**
   * A pop leaves its array slot as it was (the array is dropped when the stack empties): a cleanup
   * that registers more in the middle of an unwinding writes over slots that held entries which
   * have run, and those must never run again. Every position of a 40-entry stack (growth points
   * around it) and every way of registering the new entries.
   */
  @ParameterizedTest(name = "cleanup {0} of 40 registers three, {1}")
  @MethodSource("positionsAndWays")
  void aCleanupThatRegistersWhileTheStackUnwinds_overwritesSlotsThatRan_eachRunsOnce(
      int position, Way way) {
    ExitStack stack = new ExitStack();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = "r" + i;
      if (i == position) {
        stack.callback(
            () -> {
              log.add(name);
              for (int j = 0; j < 3; j++) {
                register(stack, way, name + "-late" + j);
              }
            });
      } else {
        stack.callback(() -> log.add(name));
      }
    }
    for (int i = 39; i >= 0; i--) {
      expected.add("r" + i);
      if (i == position) {
        for (int j = 2; j >= 0; j--) {
          String late = "r" + i + "-late" + j;
          expected.add(way == Way.HANDLER || way == Way.MANAGER ? late + " saw nothing" : late);
        }
      }
    }

    stack.close();

    assertThat(log).isEqualTo(expected);
    log.clear();
    stack.close(); // empty now: nothing runs again
    assertThat(log).isEmpty();
  }

  static Stream<Arguments> positionsAndWays() {
    return IntStream.of(0, 1, 2, 3, 4, 5, 8, 9, 16, 17, 32, 33, 39)
        .boxed()
        .flatMap(p -> Stream.of(Way.values()).map(w -> Arguments.of(p, w)));
  }

  /**
   * An emptied stack keeps no reference to what it ran: the resources of a closed stack, still
   * reachable itself, can be collected. (The test waits for the collector, with a bound; it fails
   * if any resource stays reachable through the stack.)
   */
  @Test
  void aClosedStack_holdsNoReferenceToItsResources() throws InterruptedException {
    ExitStack stack = new ExitStack();
    List<WeakReference<Object>> refs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      AutoCloseable resource = new Noop(); // a non-capturing lambda would be one shared object
      refs.add(new WeakReference<>(resource));
      if (i % 2 == 0) {
        stack.register(resource);
      } else {
        stack.callback(resource::close);
      }
    }
    stack.close();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (refs.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(refs).allMatch(r -> r.get() == null, "collected");
    assertThat(stack).hasToString("ExitStack[0 cleanups]"); // still reachable here
  }

  private static final class Noop implements AutoCloseable {
    @Override
    public void close() {}
  }

  /** n of {@code a}, three of {@code b}, n of {@code a}. */
  private static List<Way> plan(Way a, Way b, int n) {
    List<Way> plan = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      plan.add(a);
    }
    for (int i = 0; i < 3; i++) {
      plan.add(b);
    }
    for (int i = 0; i < n; i++) {
      plan.add(a);
    }
    return plan;
  }

  private void register(ExitStack stack, Way way, String name) {
    switch (way) {
      case RESOURCE -> stack.register((AutoCloseable) () -> log.add(name));
      case CALLBACK -> stack.callback(() -> log.add(name));
      case HANDLER -> stack.push(failure -> exit(name, failure));
      case MANAGER ->
          stack.enterContext(
              new ContextManager<String>() {
                @Override
                public String enter() {
                  return name;
                }

                @Override
                public boolean exit(@Nullable Throwable failure) {
                  return StackStorageTest.this.exit(name, failure);
                }
              });
      case HANDLE -> stack.handles().callback(() -> log.add(name));
    }
  }

  private boolean exit(String name, @Nullable Throwable failure) {
    log.add(name + " saw " + (failure == null ? "nothing" : failure.getMessage()));
    return false;
  }

  private static String expectedLine(Way way, String name) {
    return way == Way.HANDLER || way == Way.MANAGER ? name + " saw body" : name;
  }
}
