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
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.ConcurrentExitStack;
import org.contextlib4j.ContextManager;
import org.contextlib4j.ExitStack;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link CleanupBenchmark}'s variants, measured after the library's shared code has run the way an
 * application runs it: every kind of stack closed, nested stacks, handles, failing cleanups, before
 * the first measured operation. In a fork that runs only one variant, the unwind engine is compiled
 * knowing only that variant's path (and may be inlined into it whole); in an application it is
 * compiled once for every path, is larger, and a close of one kind pays for it. This benchmark says
 * how much.
 */
public class MixedProfileBenchmark extends CleanupBenchmark {

  /** How many times each other use runs before the trial: enough for C2 to compile the engine. */
  private static final int OTHER_USES = 30_000;

  /** Runs the library's other paths, so that the engine's profile is an application's. */
  @Setup(Level.Trial)
  public void runOtherUses() throws Exception {
    Ticker t = new Ticker();
    Res a = new Res(t);
    Res b = new Res(t);
    for (int i = 0; i < OTHER_USES; i++) {
      try (ConcurrentExitStack concurrent = new ConcurrentExitStack()) {
        concurrent.register(a);
        concurrent.callback(b::close);
      }
      try (ExitStack outer = new ExitStack()) {
        ExitStack nested = outer.enterContext(new ExitStack());
        nested.register(a);
        outer.push((ContextManager<?>) new ExitStack().popAll());
        var unused = outer.handles().callback(b::close);
        outer.push(failure -> failure != null);
      }
      try (ExitStack failing = new ExitStack()) {
        failing.push(failure -> true); // runs last: suppresses what the callback throws
        failing.callback(
            () -> {
              throw new IllegalStateException("a failing cleanup");
            });
      }
      AsyncExitStack async = new AsyncExitStack();
      async.register(a);
      async.pushAsyncCallback(() -> CompletableFuture.completedFuture(null));
      async.closeAsync().toCompletableFuture().join();
    }
  }
}
