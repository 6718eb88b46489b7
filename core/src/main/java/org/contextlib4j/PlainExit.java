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

/**
 * A manager whose exit is a plain cleanup ({@link Contexts#closing}, {@link
 * Contexts#resource(java.util.concurrent.Callable, ResourceCleanup)}): its release never sees,
 * suppresses or replaces the exception in flight; a failing release is attached to it, as in
 * try-with-resources. The unwind engine recognises the class ({@link StackFrames}) and runs its
 * {@link #close()} as a plain cleanup; an abstract class, not an interface, so that the test is a
 * class test on the unwinding path.
 */
@SuppressWarnings("try") // AutoCloseable for the engine's plain step, not for try blocks
abstract class PlainExit<T extends @Nullable Object> implements ContextManager<T>, AutoCloseable {

  /**
   * Releases what the matching enter acquired: the manager's exit, without the exception in flight.
   *
   * @throws Exception if releasing fails: a plain cleanup's failure
   */
  @Override
  public abstract void close() throws Exception;

  @Override
  public final boolean exit(@Nullable Throwable failure) {
    return ExitStack.report(
        failure, StackFrames.runEntry(this, AbstractExitStack.MANAGER, failure));
  }
}
