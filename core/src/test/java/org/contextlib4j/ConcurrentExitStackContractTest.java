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
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link ExitStackContract} on {@link ConcurrentExitStack}, used from one thread: the same rules as
 * {@link ExitStack}, except that a closed stack stays closed (the two reuse tests are replaced).
 */
class ConcurrentExitStackContractTest extends ExitStackContract {

  @Override
  StackUnderTest newStack() {
    return new Concurrent(new ConcurrentExitStack());
  }

  // Rule 6, as it differs: a closed ConcurrentExitStack is not reusable; a late registration runs
  // at
  // once and is rejected.
  @Test
  @Override
  void closeIsIdempotent_andTheStackIsReusable() {
    StackUnderTest stack = newStack();
    stack.callback(action("a"));

    stack.close();
    stack.close();
    assertThat(log).containsExactly("a");
    assertThatIllegalStateException()
        .isThrownBy(() -> stack.callback(action("b")))
        .withMessageContaining("closed");

    assertThat(log).containsExactly("a", "b");
  }

  // Rule 6, as it differs: popAll leaves the stack open and usable until it is closed.
  @Test
  @Override
  void popAllMovesEveryCleanup_andLeavesAnEmptyUsableStack() {
    StackUnderTest stack = newStack();
    stack.callback(action("a"));
    stack.callback(action("b"));

    StackUnderTest moved = stack.popAll();
    stack.callback(action("c"));
    stack.close();
    assertThat(log).containsExactly("c");
    moved.close();

    assertThat(log).containsExactly("c", "b", "a");
  }

  // A closed ConcurrentExitStack stays closed: the reuse part runs on a new one.
  @Override
  StackUnderTest reusableOrNew(StackUnderTest closed) {
    return newStack();
  }

  /** The stack itself: the adapter only forwards. */
  private static final class Concurrent extends Forwarding<ConcurrentExitStack> {
    Concurrent(ConcurrentExitStack stack) {
      super(stack);
    }

    @Override
    public Object enter() {
      return stack.enter();
    }

    @Override
    public void pushStack(StackUnderTest inner) {
      stack.push((ConcurrentExitStack) inner.self());
    }

    @Override
    public StackUnderTest popAll() {
      return new Concurrent(stack.popAll());
    }

    @Override
    public void close() {
      stack.close();
    }

    @Override
    public void close(Throwable failure) {
      stack.close(failure);
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      return stack.exit(failure);
    }
  }
}
