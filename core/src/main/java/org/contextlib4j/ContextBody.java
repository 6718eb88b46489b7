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
 * The body of a {@code with} block that computes a result: see {@link Contexts#with(ContextManager,
 * ContextBody)}.
 *
 * <pre>{@code
 * List<String> lines = Contexts.with(closing(reader), r -> r.lines().toList());
 * }</pre>
 *
 * <p>The type parameter {@code X} lets the compiler track what the body throws: a body that throws
 * only unchecked exceptions makes {@code with} throw nothing checked, and a body that throws {@code
 * IOException} makes it throw {@code IOException}. What the body throws is the exception in flight
 * that the manager's exit sees; see {@link Contexts}' exception semantics.
 *
 * <p>Python: the block of a {@code with} statement.
 *
 * <p><b>Thread safety:</b> called once per {@code with}, on the caller's thread.
 *
 * @param <T> the type of value the manager's {@code enter} returns
 * @param <R> the result type
 * @param <X> the exception type the body may throw
 * @since 0.1.0
 */
@FunctionalInterface
public interface ContextBody<
    T extends @Nullable Object, R extends @Nullable Object, X extends Throwable> {

  /**
   * Runs the body.
   *
   * @param value what the manager's {@code enter} returned
   * @return the result
   * @throws X if the body fails
   */
  R apply(T value) throws X;
}
