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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 4: an {@link org.contextlib4j.AsyncExitStack} of {@code n} async cleanups whose stages are
 * already complete, closed and joined, against the hand-written {@code thenCompose} chain doing the
 * same (see {@link AsyncVariants}). The cleanups are created once per trial; after every iteration
 * the state checks that the last operation ran each of them once, in reverse order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AsyncBenchmark {

  @Param({"1", "16", "256"})
  public int n;

  private AsyncRes[] actions = new AsyncRes[0];
  private Ticker ticker = new Ticker();

  /** Creates the cleanups, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    ticker = new Ticker();
    CompletableFuture<@Nullable Void> completed = CompletableFuture.completedFuture(null);
    actions = new AsyncRes[n];
    for (int i = 0; i < n; i++) {
      actions[i] = new AsyncRes(ticker, completed);
    }
  }

  /** Fails the run unless the last operation ran every cleanup once, in reverse order. */
  @TearDown(Level.Iteration)
  public void check() {
    long ticks = ticker.ticks;
    for (int i = 0; i < n; i++) {
      if (actions[i].closedAt() != ticks - i) {
        throw new IllegalStateException(
            "cleanup " + i + " ran at " + actions[i].closedAt() + ", last tick " + ticks);
      }
    }
  }

  @Benchmark
  public void asyncExitStack() {
    AsyncVariants.asyncExitStack(actions, n);
  }

  @Benchmark
  public void handWrittenChain() {
    AsyncVariants.handWrittenChain(actions, n);
  }

  @Benchmark
  public void naiveChain() {
    AsyncVariants.naiveChain(actions, n);
  }
}
