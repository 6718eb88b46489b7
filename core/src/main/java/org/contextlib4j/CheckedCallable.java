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
 * A computation that returns a result and may throw the checked exception {@code X}: what {@link
 * Contexts#decorate(ContextManager, CheckedCallable)} takes and returns, a {@link
 * java.util.concurrent.Callable} whose exception a caller can catch by its type.
 *
 * <pre>{@code
 * CheckedCallable<Integer, SQLException> insert =
 *     decorate(new Transaction(connection), () -> insertRows(connection));
 * try {
 *   int rows = insert.call();
 * } catch (SQLException e) {   // compiles: call declares what the manager and the body declare
 *   report(e);
 * }
 * }</pre>
 *
 * <p>The type parameter {@code X} lets the compiler track what the computation throws: a lambda
 * that throws only unchecked exceptions infers {@code X} as {@link RuntimeException}, so calling
 * {@code call} needs no {@code catch}. Unlike {@link java.util.concurrent.Callable}, whose {@code
 * call} declares {@link Exception} whatever the lambda throws.
 *
 * <p>Exceptions: what {@code call} throws propagates to its caller as is; a decorated one follows
 * {@link Contexts}' <a href="Contexts.html#exceptions">exception semantics</a>, and returns {@code
 * null} when the exit suppressed the computation's exception.
 *
 * <p><b>Thread safety:</b> as the implementation's; the ones {@code Contexts.decorate} returns are
 * as thread-safe as the manager they run inside (a fresh one per call, with a factory).
 *
 * <p>Python: a function wrapped by a {@code ContextDecorator}.
 *
 * @param <V> the result type
 * @param <X> the exception type the computation may throw
 * @since 0.1.0
 */
@FunctionalInterface
public interface CheckedCallable<V extends @Nullable Object, X extends Throwable> {

  /**
   * Computes the result.
   *
   * @return the result
   * @throws X if the computation fails
   */
  V call() throws X;
}
