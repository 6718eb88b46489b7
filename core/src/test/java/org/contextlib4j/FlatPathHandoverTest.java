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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.contextlib4j.internal.Hostile;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drivers take the entries of a flat stack off one at a time without the cursor, and hand the
 * first entry that is not a leaf (a nested stack, a handle), already taken off, to the cursor. At
 * every position in stacks of one to six exits, each such entry must run as nested {@code with}
 * statements would: newest first, a stack entered as a manager seeing the exception in flight, one
 * registered as a resource seeing none, a cancelled handle not at all; and the leaves after it (the
 * older ones) still run, through the cursor, seeing the same exception.
 */
class FlatPathHandoverTest {

  /** An entry that needs the cursor. */
  enum Special {
    STACK_AS_MANAGER,
    STACK_AS_RESOURCE,
    CONCURRENT_STACK_AS_MANAGER,
    HANDLE,
    CANCELLED_HANDLE
  }

  private final List<String> log = new ArrayList<>();

  static Stream<Arguments> stacks() {
    return IntStream.rangeClosed(1, 6)
        .boxed()
        .flatMap(
            size ->
                IntStream.range(0, size)
                    .boxed()
                    .flatMap(
                        position ->
                            Stream.of(Special.values())
                                .map(special -> Arguments.of(size, position, special))));
  }

  @ParameterizedTest(name = "{2} at {1} of {0}")
  @MethodSource("stacks")
  void exitStack_runsTheEntryThatNeedsTheCursor_andTheOlderLeavesAfterIt(
      int size, int position, Special special) {
    ExitStack stack = new ExitStack();
    fill(stack, size, position, special);
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = catchThrowable(() -> stack.close(body));

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).isEqualTo(expected(size, position, special));
    assertThat(stack).hasToString("ExitStack[0 cleanups]");
  }

  @ParameterizedTest(name = "{2} at {1} of {0}")
  @MethodSource("stacks")
  void asyncExitStack_runsTheEntryThatNeedsTheCursor_andTheOlderLeavesAfterIt(
      int size, int position, Special special) {
    AsyncExitStack stack = new AsyncExitStack();
    for (int i = 0; i < size; i++) {
      String name = "h" + i;
      if (i != position) {
        stack.pushAsyncExit(
            failure -> {
              exit(name, failure);
              return CompletableFuture.completedFuture(false);
            });
        continue;
      }
      switch (special) {
        case STACK_AS_MANAGER -> {
          AsyncExitStack inner = new AsyncExitStack();
          inner.push(failure -> exit("in0", failure));
          inner.pushAsyncExit(
              failure -> {
                exit("in1", failure);
                return CompletableFuture.completedFuture(false);
              });
          stack.enterAsyncContext(inner).toCompletableFuture().join();
        }
        case STACK_AS_RESOURCE -> stack.register(innerStack());
        case CONCURRENT_STACK_AS_MANAGER -> stack.enterContext(innerConcurrentStack());
        case HANDLE -> stack.handles().push(failure -> exit(name, failure));
        case CANCELLED_HANDLE -> stack.handles().push(failure -> exit(name, failure)).cancel();
      }
    }
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = catchThrowable(() -> stack.closeAsync(body).toCompletableFuture().join());

    assertThat(thrown).isInstanceOf(CompletionException.class).hasCause(body);
    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).isEqualTo(expected(size, position, special));
  }

  static Stream<Arguments> hostileFailures() {
    Supplier<Throwable> throwingCause = () -> Hostile.throwingCause("x");
    Supplier<Throwable> overflowingCause = () -> Hostile.causeThatOverflows("x");
    Supplier<Throwable> selfCause = () -> Hostile.selfCause("x");
    Supplier<Throwable> realOverflow = JvmRaisedErrorTest::realStackOverflow;
    return Stream.of(
        Arguments.of("getCause throws", throwingCause, throwingCause, true),
        Arguments.of("getCause overflows the stack", overflowingCause, overflowingCause, true),
        Arguments.of("its own cause", selfCause, selfCause, true),
        // A JVM-raised StackOverflowError can hold nothing: from a cleanup it is attached to the
        // exception in flight; in flight, the cleanup's failure propagates and holds it.
        Arguments.of("a real StackOverflowError from the leaf", throwingCause, realOverflow, true),
        Arguments.of("a real StackOverflowError in flight", realOverflow, throwingCause, false));
  }

  /**
   * The handover with hostile exceptions in flight: the body's failure and a newer leaf's failure
   * (run before the nested stack, on the flat path, and folded before the cursor starts) are of a
   * kind whose methods misbehave, or a real {@code StackOverflowError}. Both drivers must carry
   * what is in flight through the nested stack unchanged, run every cleanup once, and lose neither.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFailures")
  void hostileFailuresInFlight_crossTheHandoverUnchanged(
      String name, Supplier<Throwable> body, Supplier<Throwable> leaf, boolean bodyStays) {
    Throwable syncBody = body.get();
    Throwable syncLeaf = leaf.get();
    ExitStack stack = new ExitStack();
    stack.push(failure -> exit("h0", failure));
    stack.enterContext(innerStack());
    stack.callback(() -> throwLeaf(syncLeaf));

    Throwable thrown = catchThrowable(() -> stack.close(syncBody));

    assertHandedOver(thrown, syncBody, syncLeaf, bodyStays);

    log.clear();
    Throwable asyncBody = body.get();
    Throwable asyncLeaf = leaf.get();
    AsyncExitStack async = new AsyncExitStack();
    async.push(failure -> exit("h0", failure));
    AsyncExitStack inner = new AsyncExitStack();
    inner.push(failure -> exit("in0", failure));
    inner.push(failure -> exit("in1", failure));
    async.enterAsyncContext(inner).toCompletableFuture().join();
    async.callback(() -> throwLeaf(asyncLeaf));

    Throwable asyncThrown =
        catchThrowable(() -> async.closeAsync(asyncBody).toCompletableFuture().join());

    assertThat(asyncThrown).isInstanceOf(CompletionException.class);
    assertHandedOver(asyncThrown.getCause(), asyncBody, asyncLeaf, bodyStays);
  }

  private void throwLeaf(Throwable leaf) throws Exception {
    log.add("leaf");
    if (leaf instanceof Error e) {
      throw e;
    }
    throw (RuntimeException) leaf;
  }

  private void assertHandedOver(
      @Nullable Throwable thrown, Throwable body, Throwable leaf, boolean bodyStays) {
    Throwable primary = bodyStays ? body : leaf;
    assertThat(thrown).isSameAs(primary);
    assertThat(primary.getSuppressed()).containsExactly(bodyStays ? leaf : body);
    String saw = " saw " + primary.getMessage();
    assertThat(log).containsExactly("leaf", "in1" + saw, "in0" + saw, "h0" + saw);
  }

  private void fill(ExitStack stack, int size, int position, Special special) {
    for (int i = 0; i < size; i++) {
      String name = "h" + i;
      if (i != position) {
        stack.push(failure -> exit(name, failure));
        continue;
      }
      switch (special) {
        case STACK_AS_MANAGER -> stack.enterContext(innerStack());
        case STACK_AS_RESOURCE -> stack.register(innerStack());
        case CONCURRENT_STACK_AS_MANAGER -> stack.enterContext(innerConcurrentStack());
        case HANDLE -> stack.handles().push(failure -> exit(name, failure));
        case CANCELLED_HANDLE -> stack.handles().push(failure -> exit(name, failure)).cancel();
      }
    }
  }

  private ExitStack innerStack() {
    ExitStack inner = new ExitStack();
    inner.push(failure -> exit("in0", failure));
    inner.push(failure -> exit("in1", failure));
    return inner;
  }

  private ConcurrentExitStack innerConcurrentStack() {
    ConcurrentExitStack inner = new ConcurrentExitStack();
    inner.push(failure -> exit("in0", failure));
    inner.push(failure -> exit("in1", failure));
    return inner;
  }

  private static List<String> expected(int size, int position, Special special) {
    List<String> expected = new ArrayList<>();
    for (int i = size - 1; i >= 0; i--) {
      if (i != position) {
        expected.add("h" + i + " saw body");
        continue;
      }
      switch (special) {
        case STACK_AS_MANAGER, CONCURRENT_STACK_AS_MANAGER -> {
          expected.add("in1 saw body");
          expected.add("in0 saw body");
        }
        case STACK_AS_RESOURCE -> {
          expected.add("in1 saw nothing");
          expected.add("in0 saw nothing");
        }
        case HANDLE -> expected.add("h" + i + " saw body");
        case CANCELLED_HANDLE -> {}
      }
    }
    return expected;
  }

  private boolean exit(String name, @Nullable Throwable failure) {
    log.add(name + " saw " + (failure == null ? "nothing" : failure.getMessage()));
    return false;
  }
}
