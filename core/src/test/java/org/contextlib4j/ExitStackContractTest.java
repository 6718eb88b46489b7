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

import org.jspecify.annotations.Nullable;

/** {@link ExitStackContract} on {@link ExitStack}: CPython's {@code TestExitStack}. */
class ExitStackContractTest extends ExitStackContract {

  @Override
  StackUnderTest newStack() {
    return new Sync(new ExitStack());
  }

  /** The stack itself: the adapter only forwards. */
  private static final class Sync extends Forwarding<ExitStack> {
    Sync(ExitStack stack) {
      super(stack);
    }

    @Override
    public Object enter() {
      return stack.enter();
    }

    @Override
    public void pushStack(StackUnderTest inner) {
      stack.push((ExitStack) inner.self());
    }

    @Override
    public StackUnderTest popAll() {
      return new Sync(stack.popAll());
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
