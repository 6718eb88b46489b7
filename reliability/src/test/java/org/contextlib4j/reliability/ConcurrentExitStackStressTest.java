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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import org.contextlib4j.CleanupAction;
import org.contextlib4j.ConcurrentExitStack;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many threads register on a {@link ConcurrentExitStack} (every third registration a handle, the
 * others plain callbacks) while two others close it (issue 6), on platform threads and, on JDK 21+,
 * on virtual threads. After every round: each cleanup ran exactly once; an accepted one ran on a
 * closing thread, a rejected one on its registering thread before the {@link IllegalStateException}
 * reached it; every failure of a cleanup is reachable from what some call threw; a registration
 * known to the unwinding runs before the older ones of its thread ({@link #assertNewerFirst}). The
 * point at which the closers start is drawn from a seeded {@link Random} (a number of registrations
 * to wait for), so the race falls before, during and after the unwinding; nothing sleeps.
 */
class ConcurrentExitStackStressTest {

  private static final int ROUNDS = 1_500;
  private static final int REGISTRARS = 4;
  private static final int PER_REGISTRAR = 12;
  private static final int CLEANUPS = REGISTRARS * PER_REGISTRAR;

  /** A cleanup's failure; every fifth cleanup throws one. */
  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(int id) {
      super("cleanup " + id, null, true, false);
    }
  }

  static Stream<Arguments> threadKinds() {
    long seed = 0x6c0ffee;
    return Stream.of(Arguments.of("platform", seed), Arguments.of("virtual", seed + 1));
  }

  @ParameterizedTest(name = "{0} threads, seed {1}")
  @MethodSource("threadKinds")
  void everyCleanupRunsExactlyOnce_whenRegistrationsRaceWithTwoCloses(String kind, long seed)
      throws Exception {
    Optional<ThreadFactory> factory = threadFactory(kind);
    assumeTrue(factory.isPresent(), "virtual threads need JDK 21+");
    Random random = new Random(seed);
    int rejections = 0;
    for (int round = 0; round < ROUNDS; round++) {
      rejections += runRound(factory.get(), random.nextInt(CLEANUPS + CLEANUPS / 4), round);
    }
    // The race really happened: some registrations came too late, most did not.
    assertThat(rejections).isBetween(1, ROUNDS * CLEANUPS / 2);
  }

  /** {@return how many registrations were rejected} */
  private static int runRound(ThreadFactory threads, int closeAfter, int round)
      throws InterruptedException {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    AtomicIntegerArray runs = new AtomicIntegerArray(CLEANUPS);
    AtomicReferenceArray<@Nullable Thread> ranOn = new AtomicReferenceArray<>(CLEANUPS);
    AtomicIntegerArray rejected = new AtomicIntegerArray(CLEANUPS);
    // One clock for the whole round: when each registration had returned, when each cleanup began.
    AtomicLong clock = new AtomicLong();
    AtomicLongArray registered = new AtomicLongArray(CLEANUPS);
    AtomicLongArray began = new AtomicLongArray(CLEANUPS);
    AtomicInteger attempts = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    Set<Thread> closers =
        Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    CountDownLatch start = new CountDownLatch(1);
    // Closers park until the chosen number of registrations was attempted: a spinning virtual
    // thread would keep a carrier from the registrars.
    int threshold = Math.min(closeAfter, CLEANUPS);
    CountDownLatch closeNow = new CountDownLatch(threshold == 0 ? 0 : 1);
    List<Thread> all = new ArrayList<>();

    for (int r = 0; r < REGISTRARS; r++) {
      int base = r * PER_REGISTRAR;
      all.add(
          threads.newThread(
              () -> {
                await(start);
                for (int i = 0; i < PER_REGISTRAR; i++) {
                  int id = base + i;
                  if (attempts.incrementAndGet() == threshold) {
                    closeNow.countDown();
                  }
                  CleanupAction cleanup =
                      () -> {
                        began.set(id, clock.incrementAndGet());
                        runs.incrementAndGet(id);
                        ranOn.set(id, Thread.currentThread());
                        if (id % 5 == 0) {
                          throw new Boom(id);
                        }
                      };
                  try {
                    // Every third one a handle: registered on another path than the others.
                    if (id % 3 == 1) {
                      var unused = stack.handles().callback(cleanup);
                    } else {
                      stack.callback(cleanup);
                    }
                    registered.set(id, clock.incrementAndGet());
                  } catch (IllegalStateException e) {
                    rejected.set(id, 1);
                    if (runs.get(id) != 1 || ranOn.get(id) != Thread.currentThread()) {
                      problems.add("rejected cleanup " + id + " did not run at once, here");
                    }
                    if (!String.valueOf(e.getMessage()).contains("closed")) {
                      problems.add("rejection without a clear message: " + e);
                    }
                    thrown.add(e);
                  }
                }
              }));
    }
    for (int c = 0; c < 2; c++) {
      all.add(
          threads.newThread(
              () -> {
                closers.add(Thread.currentThread());
                await(closeNow);
                try {
                  stack.close();
                } catch (Boom e) {
                  thrown.add(e);
                }
              }));
    }
    for (Thread t : all) {
      t.start();
    }
    start.countDown();
    for (Thread t : all) {
      t.join();
    }

    Set<Throwable> reachable = reachable(thrown);
    for (int id = 0; id < CLEANUPS; id++) {
      String where = "round " + round + ", cleanup " + id + ": ";
      assertThat(runs.get(id)).as(where + "runs").isEqualTo(1);
      if (rejected.get(id) == 0) {
        assertThat(closers).as(where + "ran on a closer").contains(ranOn.get(id));
      }
    }
    long failures = reachable.stream().filter(Boom.class::isInstance).count();
    assertThat(failures)
        .as("round " + round + ": failures reachable")
        .isEqualTo((CLEANUPS + 4) / 5); // ids 0, 5, 10, ...
    assertThat(problems).as("round " + round).isEmpty();
    assertNewerFirst(rejected, registered, began, round);
    assertThat(stack).hasToString("ConcurrentExitStack[closed]");
    int count = 0;
    for (int id = 0; id < CLEANUPS; id++) {
      count += rejected.get(id);
    }
    return count;
  }

  /**
   * LIFO across the race: when cleanup {@code i} starts, the unwinding has just chosen it as the
   * newest registration it knows of; it knows of every registration that returned before the
   * cleanup it ran last began (that return happens-before the choice). So a later registration of
   * the same registrar that had returned by then must already have run. This catches an unwinding
   * that takes the registrations in batches and runs a batch out without looking for newer ones.
   */
  private static void assertNewerFirst(
      AtomicIntegerArray rejected, AtomicLongArray registered, AtomicLongArray began, int round) {
    List<Integer> order = new ArrayList<>();
    for (int id = 0; id < CLEANUPS; id++) {
      if (rejected.get(id) == 0) {
        order.add(id);
      }
    }
    order.sort(Comparator.comparingLong(began::get));
    for (int k = 1; k < order.size(); k++) {
      int i = order.get(k);
      long previousBegan = began.get(order.get(k - 1));
      int last = (i / PER_REGISTRAR + 1) * PER_REGISTRAR;
      for (int j = i + 1; j < last; j++) {
        if (rejected.get(j) == 0 && registered.get(j) < previousBegan) {
          assertThat(began.get(j))
              .as(
                  "round %d: cleanup %d, registered after %d and known before %d was chosen, ran"
                      + " first",
                  round, j, i, i)
              .isLessThan(began.get(i));
        }
      }
    }
  }

  /** Every exception reachable from {@code roots} through suppressed lists. */
  private static Set<Throwable> reachable(Iterable<Throwable> roots) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> work = new ArrayList<>();
    roots.forEach(work::add);
    while (!work.isEmpty()) {
      Throwable t = work.remove(work.size() - 1);
      if (seen.add(t)) {
        Collections.addAll(work, t.getSuppressed());
      }
    }
    return seen;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Platform threads, or virtual threads (reached reflectively: the tests compile for 17). */
  private static Optional<ThreadFactory> threadFactory(String kind) {
    if (kind.equals("platform")) {
      return Optional.of(Thread::new);
    }
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return Optional.of(
          (ThreadFactory)
              Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder));
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }
}
