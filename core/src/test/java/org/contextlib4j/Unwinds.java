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

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One unwinding, the same on each kind of stack: a list of cleanups that fail (or suppress) as
 * told, registered first to last, then a close with the block's exception. For the rule's
 * regression tests of issue 11, which must hold on every driver.
 */
final class Unwinds {
  private Unwinds() {}

  /** The stacks an unwinding runs on. */
  enum Stack {
    EXIT_STACK,
    CONCURRENT_EXIT_STACK,
    ASYNC_EXIT_STACK, // async entries: failed stages
    ASYNC_EXIT_STACK_SYNC_ENTRIES // callback, register and push on the async stack
  }

  /** One registered cleanup. */
  sealed interface Step {}

  /** A plain cleanup (a close, a callback) that throws {@code thrown}. */
  record Close(Throwable thrown) implements Step {}

  /**
   * A plain cleanup that runs {@code failing} inside itself and lets what it throws out (from a
   * sync cleanup, and from an async one as its failed stage); what it threw is recorded in {@code
   * raised}.
   */
  record CloseRaising(Failing failing, List<Throwable> raised) implements Step {}

  /** Code that fails, for {@link CloseRaising}: a recursion that overflows, an allocation. */
  interface Failing {
    void run() throws Throwable;
  }

  /** An exception-aware exit that throws {@code thrown}. */
  record Exit(Throwable thrown) implements Step {}

  /** An exception-aware exit that returns true. */
  record Suppress() implements Step {}

  /** What an unwinding ended with: what propagated (or null) and how many cleanups ran. */
  record Outcome(@Nullable Throwable propagated, int ran) {
    /** Checks that {@code expected} propagated with exactly {@code attached} as suppressed. */
    Outcome propagates(Throwable expected, Throwable... attached) {
      assertThat(propagated).isSameAs(expected);
      assertThat(expected.getSuppressed()).containsExactly(attached);
      return this;
    }
  }

  static Outcome run(Stack kind, @Nullable Throwable block, List<Step> steps) {
    AtomicInteger ran = new AtomicInteger();
    return switch (kind) {
      case EXIT_STACK -> runSync(new ExitStack(), block, steps, ran);
      case CONCURRENT_EXIT_STACK -> runSync(new ConcurrentExitStack(), block, steps, ran);
      case ASYNC_EXIT_STACK, ASYNC_EXIT_STACK_SYNC_ENTRIES -> {
        AsyncExitStack stack = new AsyncExitStack();
        for (Step step : steps) {
          if (kind == Stack.ASYNC_EXIT_STACK_SYNC_ENTRIES) {
            registerSync(stack, step, ran);
          } else {
            registerAsync(stack, step, ran);
          }
        }
        yield new Outcome(
            failureOf(block == null ? stack.closeAsync() : stack.closeAsync(block)), ran.get());
      }
    };
  }

  /**
   * The stage's failure as the stage holds it, as the value of {@code handle}: {@code get()},
   * {@code join()} and the stage {@code whenComplete} returns build a wrapper around it, whose
   * constructor calls its {@code toString()} (a hostile one throws).
   */
  private static @Nullable Throwable failureOf(CompletionStage<?> stage) {
    return AsyncTesting.join(stage.handle((value, t) -> t));
  }

  private static Outcome runSync(
      AbstractExitStack stack, @Nullable Throwable block, List<Step> steps, AtomicInteger ran) {
    for (Step step : steps) {
      registerSync(stack, step, ran);
    }
    Throwable out = null;
    try {
      if (stack instanceof ExitStack s) {
        if (block == null) {
          s.close();
        } else {
          s.close(block);
        }
      } else {
        ConcurrentExitStack s = (ConcurrentExitStack) stack;
        if (block == null) {
          s.close();
        } else {
          s.close(block);
        }
      }
    } catch (Throwable t) {
      out = t;
    }
    return new Outcome(out, ran.get());
  }

  private static void registerSync(AbstractExitStack stack, Step step, AtomicInteger ran) {
    if (step instanceof CloseRaising c) {
      stack.callback(
          () -> {
            ran.incrementAndGet();
            raise(c);
          });
    } else if (step instanceof Close c) {
      stack.callback(
          () -> {
            ran.incrementAndGet();
            throw ExitStackContract.sneaky(c.thrown());
          });
    } else if (step instanceof Exit e) {
      stack.push(
          failure -> {
            ran.incrementAndGet();
            throw ExitStackContract.sneaky(e.thrown());
          });
    } else {
      stack.push(
          failure -> {
            ran.incrementAndGet();
            return true;
          });
    }
  }

  private static void registerAsync(AsyncExitStack stack, Step step, AtomicInteger ran) {
    if (step instanceof CloseRaising c) {
      stack.pushAsyncCallback(
          () -> {
            ran.incrementAndGet();
            try {
              raise(c);
              return CompletableFuture.completedFuture(null);
            } catch (Throwable t) {
              return CompletableFuture.failedFuture(t);
            }
          });
    } else if (step instanceof Close c) {
      stack.pushAsyncCallback(
          () -> {
            ran.incrementAndGet();
            return CompletableFuture.failedFuture(c.thrown());
          });
    } else if (step instanceof Exit e) {
      stack.pushAsyncExit(
          failure -> {
            ran.incrementAndGet();
            return CompletableFuture.failedFuture(e.thrown());
          });
    } else {
      stack.pushAsyncExit(
          failure -> {
            ran.incrementAndGet();
            return CompletableFuture.completedFuture(true);
          });
    }
  }

  private static void raise(CloseRaising c) {
    try {
      c.failing().run();
    } catch (Throwable t) {
      c.raised().add(t);
      throw ExitStackContract.sneaky(t);
    }
  }

  /**
   * Everything reachable from {@code root} through causes and suppressed lists, by identity. A
   * {@code getCause} that throws counts as no cause; at most {@code limit} exceptions are looked at
   * (a cause made fresh on every call never ends).
   */
  static Set<Throwable> graph(@Nullable Throwable root, int limit) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (root == null) {
      return seen;
    }
    ArrayDeque<Throwable> work = new ArrayDeque<>();
    seen.add(root);
    work.push(root);
    while (!work.isEmpty() && seen.size() < limit) {
      Throwable t = work.pop();
      Throwable cause;
      try {
        cause = t.getCause();
      } catch (RuntimeException e) {
        cause = null;
      }
      if (cause != null && seen.add(cause)) {
        work.push(cause);
      }
      for (Throwable s : t.getSuppressed()) {
        if (seen.add(s)) {
          work.push(s);
        }
      }
    }
    return seen;
  }

  /** {@link #graph(Throwable, int)} with room for any graph a test builds. */
  static Set<Throwable> graph(@Nullable Throwable root) {
    return graph(root, 10_000_000);
  }
}
