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
package org.contextlib4j.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.contextlib4j.CleanupAction;
import org.contextlib4j.ConcurrentExitStack;
import org.contextlib4j.ExitStack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 6: what thread-safe registration costs.
 *
 * <p>Single-threaded ({@code exitStack}, {@code concurrentExitStack}): register {@code n} resources
 * and close, as in {@link CleanupBenchmark}; the difference is the price a lock in {@link
 * ExitStack} itself would put on every user. Contended ({@code *Contended}, two threads of one
 * group on one shared stack): each operation registers one callback; every {@value #DRAIN}th
 * registration of a thread also drains the stack ({@code popAll().close()}), so the stack stays
 * small. {@code lockedExitStackContended} is what {@link ExitStack}'s Javadoc tells users to do
 * instead: an {@code ExitStack} guarded by {@code synchronized}.
 *
 * <p>Checks after every iteration: single-threaded, that the last operation closed all {@code n}
 * resources in reverse order; contended, that every registered callback ran exactly once in all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConcurrentBenchmark {

  /** How many registrations a thread makes between two drains, in the contended benchmarks. */
  static final int DRAIN = 64;

  /** Resources for the single-threaded benchmarks. */
  @State(Scope.Thread)
  public static class Single {
    @Param({"1", "4", "16"})
    public int n;

    Res[] resources = new Res[0];
    Ticker ticker = new Ticker();

    /** Creates the resources, once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      ticker = new Ticker();
      resources = new Res[n];
      for (int i = 0; i < n; i++) {
        resources[i] = new Res(ticker);
      }
    }

    /** Fails the run unless the last operation closed every resource once, in reverse order. */
    @TearDown(Level.Iteration)
    public void check() {
      long ticks = ticker.ticks;
      if (ticks == 0 || ticks % n != 0) {
        throw new IllegalStateException("ticks " + ticks + " is not a positive multiple of " + n);
      }
      for (int i = 0; i < n; i++) {
        if (resources[i].closedAt() != ticks - i) {
          throw new IllegalStateException(
              "resource " + i + " closed at " + resources[i].closedAt() + ", last tick " + ticks);
        }
      }
    }
  }

  /** The stacks two threads share, and counts to check that nothing was lost or run twice. */
  @State(Scope.Group)
  public static class Shared {
    final ConcurrentExitStack concurrent = new ConcurrentExitStack();
    final ExitStack locked = new ExitStack();
    final Object lock = new Object();
    final LongAdder registered = new LongAdder();
    final LongAdder ran = new LongAdder();
    final CleanupAction action = ran::increment;

    /** Runs what is left, then fails the run unless every registered callback ran once. */
    @TearDown(Level.Iteration)
    public void check() {
      concurrent.popAll().close();
      synchronized (lock) {
        locked.close();
      }
      if (ran.sum() != registered.sum()) {
        throw new IllegalStateException(ran.sum() + " ran, " + registered.sum() + " registered");
      }
    }
  }

  /** Per thread: registrations since its last drain. */
  @State(Scope.Thread)
  public static class Counter {
    int sinceDrain;
  }

  @Benchmark
  public void exitStack(Single s) {
    Variants.exitStack(s.resources, s.n, null);
  }

  @Benchmark
  public void concurrentExitStack(Single s) {
    try (ConcurrentExitStack stack = new ConcurrentExitStack()) {
      Res[] resources = s.resources;
      for (int i = 0; i < s.n; i++) {
        stack.register(resources[i]);
      }
    }
  }

  @Benchmark
  @Group("concurrentContended")
  @GroupThreads(2)
  public void concurrentContended(Shared shared, Counter counter) {
    shared.registered.increment();
    shared.concurrent.callback(shared.action);
    if (++counter.sinceDrain == DRAIN) {
      counter.sinceDrain = 0;
      shared.concurrent.popAll().close();
    }
  }

  @Benchmark
  @Group("lockedExitStackContended")
  @GroupThreads(2)
  public void lockedExitStackContended(Shared shared, Counter counter) {
    shared.registered.increment();
    synchronized (shared.lock) {
      shared.locked.callback(shared.action);
    }
    if (++counter.sinceDrain == DRAIN) {
      counter.sinceDrain = 0;
      ExitStack moved;
      synchronized (shared.lock) {
        moved = shared.locked.popAll();
      }
      moved.close();
    }
  }
}
