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
 * An exception-aware exit on its own, registered with {@link ExitStack#push(ExitHandler)}.
 *
 * <p>It sees the exception in flight when it runs (after the exits registered later than it), and
 * may suppress it by returning {@code true}, or replace it by throwing another exception:
 *
 * <pre>{@code
 * stack.push(failure -> {
 *   if (failure == null) batch.commit(); else batch.rollback();
 *   return false;
 * });
 * }</pre>
 *
 * <p>Exception semantics are those of {@link ContextManager#exit(Throwable)}: {@code true}
 * suppresses; a thrown exception replaces the one in flight, which is attached to it as suppressed.
 *
 * <p><b>Thread safety:</b> called once, on the thread that unwinds the stack.
 *
 * <p>Python: a callable with the {@code __exit__} signature, passed to {@code ExitStack.push}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ExitHandler {

  /**
   * Runs the exit.
   *
   * @param failure the exception in flight, or {@code null} if there is none
   * @return {@code true} to suppress {@code failure}
   * @throws Exception to replace {@code failure} with it
   */
  boolean exit(@Nullable Throwable failure) throws Exception;
}
