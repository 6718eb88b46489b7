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
import org.contextlib4j.Contexts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 3: what a generator-style manager ({@link Contexts#contextManager}) costs.
 *
 * <ul>
 *   <li>{@link #handWritten}: the baseline, the same work written as a {@code try}/{@code
 *       catch}/{@code finally} around the with-block;
 *   <li>{@link #callbackMode}: a fresh manager run with {@link Contexts#run}, the with-block
 *       running inside the yield on the caller's thread;
 *   <li>{@link #splitMode}: a fresh manager's {@code enter()} then {@code exit(null)}, as an
 *       ExitStack does; the body runs on a helper thread (virtual on JDK 21+, a pooled platform
 *       thread on 17) with a hand-off at each step; the caller is JMH's platform thread;
 *   <li>{@link #splitModeFromVirtualThread}: the same, called from a virtual thread;
 *   <li>{@link #splitModeContinuations}: {@link #splitMode} in a JVM that exports {@code
 *       jdk.internal.vm} to the library, so that on JDK 21+ the body runs as a continuation on the
 *       caller's thread;
 *   <li>{@link #splitModeThreads}: {@link #splitMode} with helper threads forced ({@code
 *       -Dorg.contextlib4j.splitMode=threads}), the fallback.
 * </ul>
 *
 * <p>{@link #checkPath} fails the trial of those two if the body does not run where they say.
 *
 * <p>Every variant runs the body's {@code finally} ({@code teardowns++}) and the with-block ({@code
 * blocks++}, plus the blackhole) once per operation; after every iteration the state checks that
 * both counters are equal and positive.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeneratorBenchmark {

  private final String value = "resource";
  private long teardowns;
  private long blocks;

  /** Fails the run unless every operation ran its with-block and its teardown once. */
  @TearDown(Level.Iteration)
  public void check() {
    if (teardowns == 0 || teardowns != blocks) {
      throw new IllegalStateException(teardowns + " teardowns for " + blocks + " blocks");
    }
  }

  @Benchmark
  @SuppressWarnings("UnusedException") // rethrown as is: the same shape as the yield's delivery
  public void handWritten(Blackhole bh) throws Throwable {
    String v = value;
    try {
      blocks++;
      bh.consume(v);
    } catch (Throwable t) {
      throw t;
    } finally {
      teardowns++;
    }
  }

  @Benchmark
  public void callbackMode(Blackhole bh) {
    Contexts.run(
        Contexts.<String>contextManager(
            y -> {
              try {
                y.yield(value);
              } finally {
                teardowns++;
              }
            }),
        v -> {
          blocks++;
          bh.consume(v);
        });
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean splitMode(Blackhole bh) throws Exception {
    return enterAndExit(bh);
  }

  /** {@link #splitMode} with continuations turned on (class path: {@code ALL-UNNAMED}). */
  @Benchmark
  @Fork(jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
  public boolean splitModeContinuations(Blackhole bh) throws Exception {
    return enterAndExit(bh);
  }

  /** {@link #splitMode} on helper threads, whatever the JVM offers. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Fork(jvmArgsAppend = "-Dorg.contextlib4j.splitMode=threads")
  public boolean splitModeThreads(Blackhole bh) throws Exception {
    return enterAndExit(bh);
  }

  /**
   * Fails the trial of {@link #splitModeContinuations} unless the body runs on the caller's thread
   * (JDK 21+), and of {@link #splitModeThreads} unless it runs on another thread.
   */
  @Setup(Level.Trial)
  public void checkPath(BenchmarkParams params) throws Exception {
    String name = params.getBenchmark();
    Thread[] bodyThread = new Thread[1];
    ContextManager<String> m =
        Contexts.contextManager(
            y -> {
              bodyThread[0] = Thread.currentThread();
              y.yield(value);
            });
    m.enter();
    m.exit(null);
    boolean onCaller = bodyThread[0] == Thread.currentThread();
    boolean continuations = name.endsWith(".splitModeContinuations");
    boolean wrong =
        continuations
            ? onCaller != (Runtime.version().feature() >= 21)
            : name.endsWith(".splitModeThreads") && onCaller;
    if (wrong) {
      throw new IllegalStateException(name + ": body on the caller's thread: " + onCaller);
    }
  }

  /**
   * {@link #splitMode} called {@value #CALLS} times in a row from one virtual thread (a platform
   * thread on JDK 17, which has none), as a program running on virtual threads would; the score is
   * per enter+exit and includes 1/{@value #CALLS} of starting and joining that thread.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(CALLS)
  public void splitModeFromVirtualThread(Blackhole bh) throws Exception {
    Exception[] failure = new Exception[1];
    Thread caller =
        VirtualThreads.start(
            () -> {
              try {
                for (int i = 0; i < CALLS; i++) {
                  bh.consume(enterAndExit(bh));
                }
              } catch (Exception e) {
                failure[0] = e;
              }
            });
    caller.join();
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  static final int CALLS = 1000;

  private boolean enterAndExit(Blackhole bh) throws Exception {
    ContextManager<String> m =
        Contexts.contextManager(
            y -> {
              try {
                y.yield(value);
              } finally {
                teardowns++;
              }
            });
    String v = m.enter();
    blocks++;
    bh.consume(v);
    return m.exit(null);
  }
}
