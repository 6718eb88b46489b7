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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ConcurrentExitStack}: nested concurrent stacks in each way they can be registered, with or
 * without a handle, are unwound in a loop (100,000 deep on a 256 KiB thread stack), and every
 * method that takes the stack's lock gives it back, whatever it returns or throws.
 */
class ConcurrentExitStackNestingTest {

  private final List<String> log = new ArrayList<>();

  /** How a nested stack is registered on its parent: directly, or through a handle. */
  private static final String[] WAYS = {
    "enterContext",
    "push",
    "register",
    "closing",
    "handle enterContext",
    "handle push",
    "handle register",
    "handle closing"
  };

  private static void nest(ConcurrentExitStack outer, ConcurrentExitStack inner, String way) {
    switch (way) {
      case "enterContext" -> outer.enterContext(inner);
      case "push" -> outer.push(inner);
      case "register" -> outer.register(inner);
      case "closing" -> outer.enterContext(Contexts.closing(inner));
      case "handle enterContext" -> outer.handles().enterContext(inner);
      case "handle push" -> outer.handles().push(inner);
      case "handle register" -> outer.handles().register(inner);
      default -> outer.handles().enterContext(Contexts.closing(inner));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
  void hundredThousandNestedConcurrentStacks_unwindOnASmallThreadStack(int way) throws Exception {
    AtomicInteger ran = new AtomicInteger();
    AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                ConcurrentExitStack root = new ConcurrentExitStack();
                ConcurrentExitStack current = root;
                for (int i = 0; i < 100_000; i++) {
                  current.callback(ran::incrementAndGet);
                  ConcurrentExitStack inner = new ConcurrentExitStack();
                  nest(current, inner, WAYS[way]);
                  current = inner;
                }
                root.close();
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "small-stack",
            256 * 1024);
    thread.start();
    thread.join();

    assertThat(ran).as("cleanups run (failure: %s)", failure.get()).hasValue(100_000);
    assertThat(failure.get()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
  void nestedStack_seesTheOutersFailure_onlyWhenRegisteredAsAManager(int way) {
    ConcurrentExitStack outer = new ConcurrentExitStack();
    ConcurrentExitStack inner = new ConcurrentExitStack();
    inner.push(
        failure -> {
          log.add("inner saw " + (failure == null ? "nothing" : failure.getMessage()));
          return false;
        });
    nest(outer, inner, WAYS[way]);
    IllegalStateException body = new IllegalStateException("body");

    assertThat(outer.exit(body)).isFalse();

    boolean asManager = way % 4 <= 1; // enterContext, push, with or without a handle
    assertThat(log).containsExactly(asManager ? "inner saw body" : "inner saw nothing");
    assertThat(inner.toString()).isEqualTo("ConcurrentExitStack[closed]");
  }

  @Test
  void nestedStackAsManager_canSuppressTheOutersFailure_asAResourceItCannot() {
    ConcurrentExitStack asManager = new ConcurrentExitStack();
    ConcurrentExitStack suppressing = new ConcurrentExitStack();
    suppressing.push(failure -> true);
    asManager.push(suppressing);
    assertThat(asManager.exit(new IllegalStateException("body"))).isTrue();

    ConcurrentExitStack asResource = new ConcurrentExitStack();
    ConcurrentExitStack alsoSuppressing = new ConcurrentExitStack();
    alsoSuppressing.push(failure -> true);
    asResource.register(alsoSuppressing);
    assertThat(asResource.exit(new IllegalStateException("body"))).isFalse();
  }

  /** Runs {@code call} on this thread, then checks that another thread can take the lock. */
  private static void leavesTheLockFree(
      ConcurrentExitStack stack, Consumer<ConcurrentExitStack> call) throws Exception {
    try {
      call.accept(stack);
    } catch (IllegalStateException expected) {
      // a closed stack rejects: the lock must be free all the same
    }
    CompletableFuture<String> other =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                stack.callback(() -> {});
              } catch (IllegalStateException closed) {
                return "rejected";
              }
              return "registered";
            });
    assertThat(other.get(30, TimeUnit.SECONDS)).isIn("registered", "rejected");
  }

  @Test
  void everyLockingMethod_givesTheLockBack() throws Exception {
    leavesTheLockFree(
        new ConcurrentExitStack(),
        s -> assertThat(s.toString()).startsWith("ConcurrentExitStack["));
    leavesTheLockFree(new ConcurrentExitStack(), ConcurrentExitStack::popAll);
    leavesTheLockFree(new ConcurrentExitStack(), s -> s.callback(() -> {}));
    leavesTheLockFree(new ConcurrentExitStack(), s -> s.enterContext(Contexts.nullContext()));
    leavesTheLockFree(new ConcurrentExitStack(), s -> s.handles().callback(() -> {}));
    ConcurrentExitStack closed = new ConcurrentExitStack();
    closed.close();
    leavesTheLockFree(closed, s -> s.enterContext(Contexts.nullContext()));
    leavesTheLockFree(closed, s -> s.callback(() -> {}));
    leavesTheLockFree(closed, ConcurrentExitStack::popAll);
    leavesTheLockFree(closed, s -> assertThat(s.toString()).endsWith("[closed]"));
  }
}
