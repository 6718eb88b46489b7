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
 * The body of a {@code with} block that returns nothing: see {@link Contexts#run(ContextManager,
 * ContextAction)}.
 *
 * <pre>{@code
 * Contexts.run(suppress(NoSuchFileException.class), ignored -> Files.delete(path));
 * }</pre>
 *
 * <p>The type parameter {@code X} lets the compiler track what the body throws, as for {@link
 * ContextBody}. What the body throws is the exception in flight that the manager's exit sees; see
 * {@link Contexts}' exception semantics.
 *
 * <p>It is a {@link ContextBody} whose result is {@code null}, so {@code run} hands the action
 * itself to the manager, with no object to adapt it: a block that returns nothing costs no more
 * than one that returns a value.
 *
 * <p>Python: the block of a {@code with} statement.
 *
 * <p><b>Thread safety:</b> called once per {@code run}, on the caller's thread.
 *
 * @param <T> the type of value the manager's {@code enter} returns
 * @param <X> the exception type the body may throw
 * @since 0.1.0
 */
@FunctionalInterface
public interface ContextAction<T extends @Nullable Object, X extends Throwable>
    extends ContextBody<T, @Nullable Void, X> {

  /**
   * Runs the body.
   *
   * @param value what the manager's {@code enter} returned
   * @throws X if the body fails
   */
  void accept(T value) throws X;

  /**
   * Runs the body ({@link #accept}) and returns {@code null}.
   *
   * @param value what the manager's {@code enter} returned
   * @return {@code null}
   * @throws X if the body fails
   */
  @Override
  @SuppressWarnings("NullAway") // R is @Nullable Void; see NULLAWAY_NOTE in AbstractExitStack
  default @Nullable Void apply(T value) throws X {
    accept(value);
    return null;
  }
}
