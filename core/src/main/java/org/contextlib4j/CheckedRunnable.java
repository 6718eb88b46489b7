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

/**
 * An action that returns nothing and may throw the checked exception {@code X}: what {@link
 * Contexts#decorate(ContextManager, CheckedRunnable)} takes and returns, a {@link Runnable} whose
 * exception a caller can catch by its type.
 *
 * <pre>{@code
 * CheckedRunnable<SQLException> batch = decorate(new Transaction(connection), () -> nightlyBatch());
 * try {
 *   batch.run();
 * } catch (SQLException e) {   // compiles: run declares what the manager declares
 *   report(e);
 * }
 * }</pre>
 *
 * <p>The type parameter {@code X} lets the compiler track what the action throws: a lambda that
 * throws only unchecked exceptions infers {@code X} as {@link RuntimeException}, so calling {@code
 * run} needs no {@code catch}. Unlike {@link Runnable}, whose {@code run} cannot throw a checked
 * exception, and {@link java.util.concurrent.Callable}, whose {@code call} declares {@link
 * Exception} whatever it throws.
 *
 * <p>Exceptions: what {@code run} throws propagates to its caller as is; a decorated one follows
 * {@link Contexts}' <a href="Contexts.html#exceptions">exception semantics</a>.
 *
 * <p><b>Thread safety:</b> as the implementation's; the ones {@code Contexts.decorate} returns are
 * as thread-safe as the manager they run inside (a fresh one per call, with a factory).
 *
 * <p>Python: a function wrapped by a {@code ContextDecorator}.
 *
 * @param <X> the exception type the action may throw
 * @since 0.1.0
 */
@FunctionalInterface
public interface CheckedRunnable<X extends Throwable> {

  /**
   * Runs the action.
   *
   * @throws X if the action fails
   */
  void run() throws X;
}
