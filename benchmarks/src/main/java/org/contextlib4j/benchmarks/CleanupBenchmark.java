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
import org.contextlib4j.ContextManager;
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
import scala.util.Using;

/**
 * Register and close {@code n} resources, per variant (see {@link Variants}), on the success path
 * and on the failure path (the block throws a {@link Variants.BlockFailed} after registering). The
 * resources (and, for the {@code enterContext} forms, their {@code Contexts.closing} managers) are
 * allocated once per trial; closing one only bumps a shared counter, so what is measured is the
 * bookkeeping of each variant. Average time per operation; run with {@code -prof gc} for B/op.
 *
 * <p>The library is measured in both forms a user writes: try-with-resources ({@code exitStack*},
 * exits see {@code null}) and {@code Contexts.run(new ExitStack(), stack -> ...)} ({@code run*},
 * exits see the block's failure), each with {@code register}, {@code callback} and {@code
 * enterContext}; {@code concurrentExitStack} is the thread-safe stack with {@code register}, and
 * {@code concurrentExitStackShared} the same with the stack published first, as a stack other
 * threads use is (C2 may remove an unpublished one and its lock altogether). {@code
 * arrayStackFloor} is no library: the least any stack object can do ({@link ArrayStack}), which
 * tells how much of a stack's distance to the flat {@code try}/{@code finally} is the cost of being
 * an object at all. {@code lockedStackFloor} ({@link LockedArrayStack}) and {@code casStackFloor}
 * ({@link CasStack}) are the same for a thread-safe stack: the least one can do that takes a lock,
 * or makes one compare-and-set, per registration.
 *
 * <p>After every iteration the state checks that the last operation closed all {@code n} resources
 * in reverse order, so a variant that skipped work would fail the run; on the failure path every
 * operation checks that the block's own exception came out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CleanupBenchmark {

  @Param({"1", "2", "4", "8", "16", "64", "256", "4096"})
  public int n;

  /** {@code success}: the block returns; {@code failure}: it throws after registering. */
  @Param({"success", "failure"})
  public String path = "success";

  private @Nullable RuntimeException failure;
  private Res[] resources = new Res[0];
  private ContextManager<?>[] managers = new ContextManager<?>[0];
  private Ticker ticker = new Ticker();
  private final Using.Releasable<Res> releasable = Res::close;

  /** Creates the resources, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    failure =
        switch (path) {
          case "success" -> null;
          case "failure" -> new Variants.BlockFailed();
          default -> throw new IllegalArgumentException("path " + path);
        };
    ticker = new Ticker();
    resources = new Res[n];
    for (int i = 0; i < n; i++) {
      resources[i] = new Res(ticker);
    }
    managers = Variants.managers(resources);
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

  // Each benchmark method catches the block's failure itself rather than through a shared helper
  // taking a lambda: a capturing lambda per operation could add an allocation to every variant.

  /** The failure path's check: only the block's own failure may come out, and only there. */
  private void failed(RuntimeException e) {
    if (e != failure) {
      throw e;
    }
  }

  /** The success path's check: the failure path must not end normally. */
  private void completed() {
    if (failure != null) {
      throw new IllegalStateException("the block's failure did not come out");
    }
  }

  @Benchmark
  public void exitStack() throws Exception {
    try {
      Variants.exitStack(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void exitStackCallback() throws Exception {
    try {
      Variants.exitStackCallback(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void exitStackEnterContext() throws Exception {
    try {
      Variants.exitStackEnterContext(managers, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void runRegister() throws Exception {
    try {
      Variants.runRegister(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void runCallback() throws Exception {
    try {
      Variants.runCallback(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void runEnterContext() throws Exception {
    try {
      Variants.runEnterContext(managers, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void concurrentExitStack() throws Exception {
    try {
      Variants.concurrentExitStack(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  /** {@link #concurrentExitStack} with the stack published, as a shared stack is. */
  @Benchmark
  public void concurrentExitStackShared() throws Exception {
    try {
      Variants.concurrentExitStackShared(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void flatTryFinally() throws Exception {
    try {
      Variants.flat(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  /** The floor of any stack object: see {@link ArrayStack}. */
  @Benchmark
  public void arrayStackFloor() throws Exception {
    try {
      Variants.arrayStack(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  /** The floor of a thread-safe stack that locks per registration: see {@link LockedArrayStack}. */
  @Benchmark
  public void lockedStackFloor() throws Exception {
    try {
      Variants.lockedArrayStack(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  /** The floor of a lock-free thread-safe stack: see {@link CasStack}. */
  @Benchmark
  public void casStackFloor() throws Exception {
    try {
      Variants.casStack(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void nestedTryWithResources() throws Exception {
    try {
      Variants.nested(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void guavaCloser() throws Exception {
    try {
      Variants.guavaCloser(resources, n, failure);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }

  @Benchmark
  public void scalaUsingManager() throws Exception {
    try {
      Variants.scalaUsing(resources, n, failure, releasable);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    completed();
  }
}
