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
 * A {@link ContextManager} that declares the checked exception its {@code enter} and {@code exit}
 * throw, so that a caller of {@link Contexts#with(CheckedContextManager, ContextBody)} or {@link
 * Contexts#run(CheckedContextManager, ContextAction)} can catch it by its type:
 *
 * <pre>{@code
 * final class Transaction implements CheckedContextManager<Connection, SQLException> {
 *   private final Connection connection;
 *
 *   Transaction(Connection connection) {
 *     this.connection = connection;
 *   }
 *
 *   public Connection enter() throws SQLException {
 *     connection.setAutoCommit(false);
 *     return connection;
 *   }
 *
 *   public boolean exit(Throwable failure) throws SQLException {
 *     if (failure == null) connection.commit(); else connection.rollback();
 *     return false;
 *   }
 * }
 *
 * try {
 *   run(new Transaction(connection), c -> insertRows(c));
 * } catch (SQLException e) {   // compiles: run declares what the manager declares
 *   report(e);
 * }
 * }</pre>
 *
 * <p>A plain {@link ContextManager} declares {@code throws Exception} on both methods, which the
 * library propagates undeclared (the same instance, never wrapped); this subtype narrows that to
 * {@code X}, and the {@code with}/{@code run} overloads that take it declare {@code throws X} next
 * to the body's own exception type. It is still a {@code ContextManager}: every stack and every
 * other method takes it as one (undeclared, as any manager's).
 *
 * <p>Exception semantics, thread safety and the rest: those of {@link ContextManager}. A manager
 * whose enter and exit throw nothing checked should implement {@link ContextManager} (or declare
 * {@code X} as {@link RuntimeException}).
 *
 * <p>Python: a context manager (Python has no checked exceptions).
 *
 * @param <T> the type of the value the block receives
 * @param <X> the checked exception {@code enter} and {@code exit} may throw
 * @since 0.1.0
 */
public interface CheckedContextManager<T extends @Nullable Object, X extends Exception>
    extends ContextManager<T> {

  /**
   * Acquires the resource.
   *
   * @return the value the block works with
   * @throws X if acquiring fails; then {@link #exit(Throwable)} is not called
   */
  @Override
  T enter() throws X;

  /**
   * Releases the resource, seeing how the block ended.
   *
   * @param failure the exception in flight, or {@code null} if the block completed normally
   * @return {@code true} to suppress {@code failure}
   * @throws X to replace {@code failure}
   */
  @Override
  boolean exit(@Nullable Throwable failure) throws X;
}
