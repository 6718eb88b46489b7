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
package org.contextlib4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool of helper threads behind split mode when bodies are not continuations. */
class HelperThreadsTest {

  @Test
  void aHelperThatFinishedABody_runsTheNextOne_withItsInterruptStatusCleared() throws Exception {
    CompletableFuture<Thread> first = new CompletableFuture<>();
    HelperThreads.start(
        () -> {
          Thread.currentThread().interrupt(); // left set by a body
          first.complete(Thread.currentThread());
        });
    Thread helper = first.get(30, TimeUnit.SECONDS);
    awaitIdle(helper);
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    runNextOn(helper, () -> interrupted.complete(Thread.currentThread().isInterrupted()));
    assertThat(interrupted.get()).isFalse();
  }

  @Test
  void helpersAreDaemonThreads_virtualWhenTheJvmHasThem() throws Exception {
    CompletableFuture<Thread> ran = new CompletableFuture<>();
    HelperThreads.start(() -> ran.complete(Thread.currentThread()));
    Thread helper = ran.get(30, TimeUnit.SECONDS);
    assertThat(helper.isDaemon()).isTrue();
    assertThat(helper.toString().contains("Virtual")).isEqualTo(HelperThreads.virtual());
  }

  @Test
  void aHelperParkedIdle_isReusedForTheNextBody_andIsNotIdleWhileItRunsOne() throws Exception {
    CompletableFuture<Thread> first = new CompletableFuture<>();
    HelperThreads.start(() -> first.complete(Thread.currentThread()));
    Thread helper = first.get(30, TimeUnit.SECONDS);
    awaitIdle(helper);
    // Past the spin, parked until its idle time is up (or already ended, which fails below).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (helper.getState() != Thread.State.TIMED_WAITING
        && helper.getState() != Thread.State.TERMINATED) {
      assertThat(System.nanoTime()).as("helper parked within 30 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
    CompletableFuture<Boolean> idleWhileRunning = new CompletableFuture<>();
    runNextOn(helper, () -> idleWhileRunning.complete(HelperThreads.idle(Thread.currentThread())));
    assertThat(idleWhileRunning.get()).isFalse();
  }

  /**
   * Starts bodies until one runs on {@code helper}, idle, and has it run {@code body}; fails if
   * none does (the pool made a new thread, or gave the bodies to others). The pool gives a body to
   * the helper that went idle last, which may be another one than {@code helper}: one an earlier
   * test left finishing its body (seen in a full run). A body that reaches such a helper keeps it
   * busy until the end, so that the next one goes further down the pool.
   */
  private static void runNextOn(Thread helper, Runnable body) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> others = new ArrayList<>();
    try {
      for (int attempt = 0; attempt < 20; attempt++) {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        HelperThreads.start(
            () -> {
              Thread me = Thread.currentThread();
              if (me == helper) {
                body.run();
                ran.complete(me);
                return;
              }
              ran.complete(me);
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
        Thread thread = ran.get(30, TimeUnit.SECONDS);
        if (thread == helper) {
          return;
        }
        others.add(thread);
      }
      throw new AssertionError("the idle helper " + helper + " got no body; others did: " + others);
    } finally {
      release.countDown();
    }
  }

  /** Waits, without a timed sleep, until {@code helper} is back in the pool. */
  private static void awaitIdle(Thread helper) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!HelperThreads.idle(helper)) {
      assertThat(System.nanoTime()).as("helper idle within 30 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
