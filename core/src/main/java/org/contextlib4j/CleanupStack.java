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
 * Any of the three exit stacks, seen through the synchronous registrations they share: {@link
 * ExitStack}, {@link ConcurrentExitStack} and {@link AsyncExitStack} implement it. Code that only
 * registers cleanups takes a {@code CleanupStack} instead of one overload per stack:
 *
 * <pre>{@code
 * static Connection openAudited(CleanupStack stack, DataSource dataSource) {
 *   Connection c = stack.enterContext(new Transaction(dataSource));
 *   stack.callback(() -> audit.flush());
 *   return c;
 * }
 * }</pre>
 *
 * <p>Each method behaves exactly as the method of the same name on the stack it is called on: on an
 * {@link ExitStack}, on a {@link ConcurrentExitStack} (which also takes registrations from other
 * threads and rejects them once closed, after running the cleanup) and on an {@link AsyncExitStack}
 * (where the cleanups run among its asynchronous ones, strictly LIFO). Closing is not part of this
 * interface: the synchronous stacks close with {@code close()}, the async one with {@code
 * closeAsync()}; the code that owns a stack closes it.
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>Those of {@link ExitStack} (see its <a href="ExitStack.html#exceptions">exception
 * semantics</a>); a registration that fails registers nothing. Unless noted, a {@code null}
 * argument throws {@link NullPointerException} naming the parameter, and nothing is registered.
 *
 * <p><b>Thread safety:</b> that of the stack: {@link ConcurrentExitStack} is thread-safe, the other
 * two are not.
 *
 * <p>This interface is sealed: only the library's stacks implement it, so that methods can be added
 * to it without breaking anyone.
 *
 * <p>Python: {@code contextlib._BaseExitStack}, the base class of {@code ExitStack} and {@code
 * AsyncExitStack}.
 *
 * @since 0.1.0
 */
public sealed interface CleanupStack permits AbstractExitStack {

  /**
   * Enters {@code manager} and registers its exit. If {@code manager.enter()} throws, nothing is
   * registered and the exception propagates as is (undeclared if checked).
   *
   * <pre>{@code
   * Connection c = stack.enterContext(new Transaction(dataSource));
   * }</pre>
   *
   * <p>Python: {@code ExitStack.enter_context}.
   *
   * @param manager the manager to enter
   * @param <T> the type of value the manager returns
   * @return what {@code manager.enter()} returned
   */
  <T extends @Nullable Object> T enterContext(ContextManager<T> manager);

  /**
   * Registers an exception-aware exit.
   *
   * <pre>{@code
   * stack.push(failure -> failure instanceof CancellationException);   // swallow cancellations
   * }</pre>
   *
   * <p>Python: {@code ExitStack.push} given a function.
   *
   * @param handler the exit to run when the stack unwinds
   * @return {@code handler}
   */
  ExitHandler push(ExitHandler handler);

  /**
   * Registers the exit of {@code manager} without entering it.
   *
   * <pre>{@code
   * stack.push(alreadyEntered);   // its exit runs when the stack unwinds
   * }</pre>
   *
   * <p>Python: {@code ExitStack.push} given a context manager.
   *
   * @param manager the manager whose {@link ContextManager#exit(Throwable)} runs when the stack
   *     unwinds
   * @param <T> the type of value the manager's {@code enter} returns
   * @return {@code manager}
   */
  <T extends @Nullable Object> ContextManager<T> push(ContextManager<T> manager);

  /**
   * Registers a plain cleanup action.
   *
   * <pre>{@code
   * stack.callback(() -> System.out.println("done"));
   * }</pre>
   *
   * <p>Python: {@code ExitStack.callback}. Unlike Python, a failing callback does not replace the
   * exception in flight.
   *
   * @param action the cleanup to run
   * @return {@code action}
   */
  CleanupAction callback(CleanupAction action);

  /**
   * Registers an already-open resource whose {@link AutoCloseable#close()} runs when the stack
   * unwinds, as in try-with-resources.
   *
   * <pre>{@code
   * BufferedReader reader = stack.register(Files.newBufferedReader(path));
   * }</pre>
   *
   * <p>Python: {@code ExitStack.enter_context(closing(resource))}.
   *
   * @param resource the resource to close
   * @param <C> the resource's type
   * @return {@code resource}
   */
  <C extends AutoCloseable> C register(C resource);

  /**
   * Registers {@code value} with the cleanup that releases it, and returns it: for values that are
   * not {@link AutoCloseable}, or whose release is not {@code close()}. The cleanup receives {@code
   * value}, runs once when the stack unwinds, in LIFO order with every other registration, and is a
   * plain cleanup (it cannot suppress; its failure follows rule 4 of {@link ExitStack}'s exception
   * semantics).
   *
   * <pre>{@code
   * ExecutorService workers =
   *     stack.register(Executors.newFixedThreadPool(4), ExecutorService::shutdownNow);
   * Lock held = stack.register(lock, Lock::unlock);   // after lock.lock()
   * }</pre>
   *
   * <p>Python: none ({@code ExitStack.callback(fn, value)} comes closest). JavaScript: {@code
   * DisposableStack.prototype.adopt(value, onDispose)}.
   *
   * @param value the value to release; not null
   * @param cleanup releases it
   * @param <T> the value's type
   * @return {@code value}
   */
  <T> T register(T value, ResourceCleanup<? super T> cleanup);

  /**
   * {@return the registration methods of this stack in a form that returns a handle} Each handle
   * can cancel its registration or run it early, in place; see {@link Registration}.
   *
   * <pre>{@code
   * Registration<CleanupAction> undo = stack.handles().callback(() -> rollback(change));
   * apply(change);
   * undo.cancel();   // applied: nothing to undo
   * }</pre>
   */
  Handles handles();

  /**
   * Moves every registration to a new stack of the same class, in one step, and leaves this one
   * empty. Each stack's {@code popAll} returns its own class. Called by one of the stack's own
   * cleanups while it unwinds, it throws {@link IllegalStateException} and moves nothing: the
   * remaining cleanups belong to that unwinding.
   *
   * <pre>{@code
   * CleanupStack owned = stack.popAll();   // the caller now owns every cleanup
   * }</pre>
   *
   * <p>Python: {@code ExitStack.pop_all}.
   *
   * @return a new stack that owns every cleanup this one had
   * @throws IllegalStateException if called while this stack unwinds, from one of its cleanups
   */
  CleanupStack popAll();
}
