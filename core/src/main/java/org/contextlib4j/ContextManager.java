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
 * A resource with an exception-aware exit: Python's context manager protocol.
 *
 * <p>{@link #enter()} acquires and returns the value the block works with; {@link #exit(Throwable)}
 * releases it, seeing how the block ended. Used through {@link Contexts#with(ContextManager,
 * ContextBody)}, a manager behaves like this {@code try} statement:
 *
 * <pre>{@code
 * T value = manager.enter();
 * try {
 *   body(value);
 * } catch (Throwable failure) {
 *   if (!manager.exit(failure)) {   // true suppresses the failure
 *     throw failure;
 *   }
 *   return;
 * }
 * manager.exit(null);
 * }</pre>
 *
 * <p>Unlike {@link AutoCloseable#close()}, {@code exit} learns whether the block failed and may
 * suppress or replace the failure. A transaction, for example:
 *
 * <pre>{@code
 * final class Transaction implements ContextManager<Connection> {
 *   private final Connection connection;
 *
 *   Transaction(Connection connection) { this.connection = connection; }
 *
 *   public Connection enter() throws SQLException {
 *     connection.setAutoCommit(false);
 *     return connection;
 *   }
 *
 *   public boolean exit(@Nullable Throwable failure) throws SQLException {
 *     if (failure == null) connection.commit(); else connection.rollback();
 *     return false;                      // never suppress
 *   }
 * }
 *
 * Contexts.run(new Transaction(connection), c -> insertRows(c));
 * }</pre>
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <ol>
 *   <li>If {@code enter()} throws, {@code exit} is not called and the exception propagates as is.
 *   <li>{@code exit} receives the exception in flight, or {@code null}. Returning {@code true}
 *       suppresses it; returning {@code false} lets it continue (do not rethrow it yourself, though
 *       rethrowing the same instance is also allowed and is not a replacement).
 *   <li>If {@code exit} throws another exception, that one replaces the exception in flight, which
 *       is attached to it with {@link Throwable#addSuppressed} (unless already reachable from it,
 *       for example as its cause).
 * </ol>
 *
 * <p>Both methods may throw checked exceptions; the library's methods propagate them unchanged
 * without declaring them (see {@link ExitStack}'s exception section).
 *
 * <p><b>Thread safety:</b> defined by each implementation; the library calls {@code enter} and
 * {@code exit} on the thread that uses the manager, {@code exit} at most once per {@code enter}. A
 * stack may run {@code exit} on another thread than {@code enter} (an {@link AsyncExitStack} runs
 * it on the thread that completes the stage before it).
 *
 * <p><b>Threads, thread-locals and locks between enter and exit.</b> A manager you write runs its
 * {@code enter} and {@code exit} on the threads that call them: what {@code enter} puts in a {@code
 * ThreadLocal} or locks is the caller's. A generator-style manager ({@link
 * Contexts#contextManager}) is the same in callback mode ({@link Contexts#with}). Entered and
 * exited separately, it runs its body as a continuation on the caller's thread when the JVM allows
 * (thread-locals and locks of the setup are the block's), else on a helper thread (they are the
 * helper's); see {@link Contexts#contextManager} for each path and how to turn continuations on.
 *
 * <p>Python: {@code contextlib.AbstractContextManager}, {@code __enter__}, {@code __exit__}.
 *
 * @param <T> the type of value {@link #enter()} returns
 * @see AbstractContextManager
 * @since 0.1.0
 */
public interface ContextManager<T extends @Nullable Object> {

  /**
   * Acquires the resource.
   *
   * @return the value the block works with ({@code as} target in Python)
   * @throws Exception if acquiring fails; then {@link #exit(Throwable)} is not called
   */
  T enter() throws Exception;

  /**
   * Releases the resource, seeing how the block ended.
   *
   * @param failure the exception in flight, or {@code null} if the block completed normally
   * @return {@code true} to suppress {@code failure}; ignored when {@code failure} is null
   * @throws Exception to replace {@code failure} (see <a href="#exceptions">exception
   *     semantics</a>)
   */
  boolean exit(@Nullable Throwable failure) throws Exception;
}
