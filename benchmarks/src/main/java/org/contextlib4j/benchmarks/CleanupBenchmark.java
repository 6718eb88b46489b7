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
import scala.util.Using;

/**
 * Register and close {@code n} resources, per variant (see {@link Variants}). The resources are
 * allocated once per trial; closing one only bumps a shared counter, so what is measured is the
 * bookkeeping of each variant. Average time per operation; run with {@code -prof gc} for B/op.
 *
 * <p>After every iteration the state checks that the last operation closed all {@code n} resources
 * in reverse order, so a variant that skipped work would fail the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CleanupBenchmark {

  @Param({"1", "4", "16", "256"})
  public int n;

  private Res[] resources = new Res[0];
  private Ticker ticker = new Ticker();
  private final Using.Releasable<Res> releasable = Res::close;

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

  @Benchmark
  public void exitStack() {
    Variants.exitStack(resources, n);
  }

  @Benchmark
  public void flatTryFinally() throws Exception {
    Variants.flat(resources, n);
  }

  @Benchmark
  public void nestedTryWithResources() throws Exception {
    Variants.nested(resources, n);
  }

  @Benchmark
  public void nestedTryWithResourcesRecursive() throws Exception {
    Variants.nestedRecursive(resources, 0, n);
  }

  @Benchmark
  public void guavaCloser() throws Exception {
    Variants.guavaCloser(resources, n);
  }

  @Benchmark
  public void scalaUsingManager() {
    Variants.scalaUsing(resources, n, releasable);
  }
}
