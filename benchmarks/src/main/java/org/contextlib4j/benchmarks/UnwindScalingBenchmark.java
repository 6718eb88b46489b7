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
import org.contextlib4j.CleanupAction;
import org.contextlib4j.ExitHandler;
import org.contextlib4j.ExitStack;
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
 * Does unwinding stay linear? Register {@code n} entries on one stack and close it, for n from ten
 * thousand to a million: if the time per entry (ns/op divided by n, computed in {@code
 * docs/benchmarks.md}) stays flat, unwinding is linear. Plain {@link AutoCloseable}s ({@link
 * #register}) and exception-aware exits ({@link #push}) are measured separately, next to the
 * hand-written flat {@code try}/{@code finally} of {@link Variants#flat} as a linear reference.
 *
 * <p>The objects are created once per trial; after every iteration the state checks that the last
 * operation ran every one of them once, in reverse order of registration.
 *
 * <p>{@link Nested} measures the other shape: {@code n} stacks, each one registered (with {@code
 * enterContext}) in the previous one and holding one resource, unwound without recursion.
 *
 * <p>{@link Failing} measures unwindings in which every entry fails (issue 11).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnwindScalingBenchmark {

  @Param({"10000", "100000", "1000000"})
  public int n;

  private Res[] resources = new Res[0];
  private Handler[] handlers = new Handler[0];
  private Ticker ticker = new Ticker();

  /** Creates the resources and the handlers, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    ticker = new Ticker();
    resources = new Res[n];
    handlers = new Handler[n];
    for (int i = 0; i < n; i++) {
      resources[i] = new Res(ticker);
      handlers[i] = new Handler(ticker);
    }
  }

  /**
   * Fails the run unless the last operation ran the n resources or the n handlers, each once, in
   * reverse order.
   */
  @TearDown(Level.Iteration)
  public void check() {
    long ticks = ticker.ticks;
    boolean resourcesRanLast = resources[0].closedAt() > handlers[0].closedAt();
    for (int i = 0; i < n; i++) {
      long closedAt = resourcesRanLast ? resources[i].closedAt() : handlers[i].closedAt();
      if (closedAt != ticks - i) {
        throw new IllegalStateException(
            "entry " + i + " ran at " + closedAt + ", last tick " + ticks);
      }
    }
  }

  /** {@code stack.register(resource)} n times, then close. */
  @Benchmark
  public void register() {
    Variants.exitStack(resources, n, null);
  }

  /** {@code stack.push(handler)} n times, then close. */
  @Benchmark
  public void push() {
    try (ExitStack stack = new ExitStack()) {
      for (int i = 0; i < n; i++) {
        stack.push(handlers[i]);
      }
    }
  }

  /** The linear reference: the hand-written flat {@code try}/{@code finally}. */
  @Benchmark
  public void flatTryFinally() throws Exception {
    Variants.flat(resources, n, null);
  }

  /**
   * {@code n} nested stacks: stack i holds resource i, then stack i + 1 (entered with {@code
   * enterContext}); closing the outermost one unwinds them all, innermost first.
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public static class Nested {

    @Param({"1000", "10000", "100000"})
    public int n;

    private Res[] resources = new Res[0];
    private Ticker ticker = new Ticker();

    /** Creates the resources, once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      ticker = new Ticker();
      resources = new Res[n];
      for (int i = 0; i < n; i++) {
        resources[i] = new Res(ticker);
      }
    }

    /** Fails the run unless the last operation closed every resource once, innermost first. */
    @TearDown(Level.Iteration)
    public void check() {
      long ticks = ticker.ticks;
      for (int i = 0; i < n; i++) {
        if (resources[i].closedAt() != ticks - i) {
          throw new IllegalStateException(
              "resource " + i + " closed at " + resources[i].closedAt() + ", last tick " + ticks);
        }
      }
    }

    /** Builds the n nested stacks and closes the outermost. */
    @Benchmark
    public void nestedStacks() {
      Variants.nestedStacks(resources, n, null);
    }
  }

  /**
   * Every entry fails (issue 11): {@link #replacingExits}, {@code n} exits that each throw a fresh
   * exception, replacing the one in flight, to which the rule attaches the replaced one (each
   * replacement walked the whole chain before issue 11: quadratic); {@link #failingCleanups},
   * {@code n} callbacks that each throw into one exception in flight, to which the rule attaches
   * them. The exceptions have no stack trace; the replacing exits create theirs (the rule changes
   * them), the failing cleanups throw ones created once per trial (it changes only the exception in
   * flight, created per operation). After every iteration the state checks that the last operation
   * lost nothing.
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public static class Failing {

    @Param({"10000", "100000", "1000000"})
    public int n;

    private ExitHandler replacing = failure -> false;
    private CleanupAction[] failing = new CleanupAction[0];
    private @Nullable Throwable last;

    /** A failure without a stack trace. */
    static final class Failure extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Failure(String message) {
        super(message, null, true, false);
      }
    }

    /** Creates the handler and the failing cleanups, once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      replacing =
          failure -> {
            throw new Failure("exit");
          };
      failing = new CleanupAction[n];
      for (int i = 0; i < n; i++) {
        Failure failure = new Failure("cleanup");
        failing[i] =
            () -> {
              throw failure;
            };
      }
    }

    /**
     * Fails the run unless the last operation's exception holds the n others: a chain of n
     * replacements ending in the block's exception, or n cleanup failures attached to it.
     */
    @TearDown(Level.Iteration)
    public void check() {
      Throwable t = last;
      if (t == null) {
        throw new IllegalStateException("nothing propagated");
      }
      if ("body".equals(t.getMessage())) { // failingCleanups
        if (t.getSuppressed().length != n) {
          throw new IllegalStateException(t.getSuppressed().length + " cleanup failures attached");
        }
      } else { // replacingExits: exit, holding exit, ..., holding the body's
        int chain = 0;
        for (Throwable[] s = t.getSuppressed(); s.length == 1; s = s[0].getSuppressed()) {
          chain++;
          t = s[0];
        }
        if (chain != n || !"body".equals(t.getMessage())) {
          throw new IllegalStateException("a chain of " + chain + " ending in " + t);
        }
      }
      last = null;
    }

    /**
     * {@code stack.push(exit)} n times, each exit throwing; then close with the block's failure.
     */
    @Benchmark
    public @Nullable Throwable replacingExits() {
      ExitStack stack = new ExitStack();
      for (int i = 0; i < n; i++) {
        stack.push(replacing);
      }
      last = closeWithFailure(stack);
      return last;
    }

    /** {@code stack.callback(action)} n times, each failing; then close with the block's. */
    @Benchmark
    public @Nullable Throwable failingCleanups() {
      ExitStack stack = new ExitStack();
      for (int i = 0; i < n; i++) {
        stack.callback(failing[i]);
      }
      last = closeWithFailure(stack);
      return last;
    }

    private static @Nullable Throwable closeWithFailure(ExitStack stack) {
      try {
        stack.close(new Failure("body"));
        return null;
      } catch (Failure f) {
        return f;
      }
    }
  }
}
