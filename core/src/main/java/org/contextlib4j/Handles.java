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

import static org.contextlib4j.internal.Throwables.checkNotNull;
import static org.contextlib4j.internal.Throwables.sneakyThrow;

import org.jspecify.annotations.Nullable;

/**
 * The registration methods of a stack, each returning a {@link Registration} handle that can cancel
 * that one registration or run it early. Obtained from {@link ExitStack#handles()} or {@link
 * AsyncExitStack#handles()}; the registrations go on that stack and behave exactly as the stack's
 * methods of the same name, in the same LIFO order as every other registration.
 *
 * <pre>{@code
 * Registration<Connection> lease = stack.handles().register(pool.lease());
 * // ...
 * lease.runNow();   // give the connection back now instead of at the end of the block
 * }</pre>
 *
 * <p>A {@code null} argument throws {@link NullPointerException} naming the parameter, and nothing
 * is registered. This view holds no state of its own; it is as thread-safe as its stack.
 *
 * @since 0.1.0
 */
public sealed class Handles permits AsyncHandles {
  final AbstractExitStack stack;

  Handles(AbstractExitStack stack) {
    this.stack = stack;
  }

  /**
   * Enters {@code manager} and registers its exit, as {@link ExitStack#enterContext}. If {@code
   * manager.enter()} throws, nothing is registered and the exception propagates as is.
   *
   * @param manager the manager to enter
   * @param <T> the type of value the manager returns
   * @return a handle whose {@link Registration#value()} is what {@code manager.enter()} returned
   */
  public <T extends @Nullable Object> Registration<T> enterContext(ContextManager<T> manager) {
    checkNotNull(manager, "manager");
    T value;
    try {
      value = manager.enter();
    } catch (Exception e) {
      throw sneakyThrow(e);
    }
    return stack.addHandle(new Registration<>(manager, AbstractExitStack.MANAGER, value));
  }

  /**
   * Registers an exception-aware exit, as {@link ExitStack#push(ExitHandler)}.
   *
   * @param handler the exit to run when the stack unwinds
   * @return a handle on the registration
   */
  public Registration<ExitHandler> push(ExitHandler handler) {
    checkNotNull(handler, "handler");
    return stack.addHandle(new Registration<>(handler, AbstractExitStack.HANDLER, handler));
  }

  /**
   * Registers the exit of {@code manager} without entering it, as {@link
   * ExitStack#push(ContextManager)}.
   *
   * @param manager the manager whose exit runs when the stack unwinds
   * @param <T> the type of value the manager's {@code enter} returns
   * @return a handle on the registration
   */
  public <T extends @Nullable Object> Registration<ContextManager<T>> push(
      ContextManager<T> manager) {
    checkNotNull(manager, "manager");
    return stack.addHandle(new Registration<>(manager, AbstractExitStack.MANAGER, manager));
  }

  /**
   * Registers a plain cleanup action, as {@link ExitStack#callback}.
   *
   * @param action the cleanup to run
   * @return a handle on the registration
   */
  public Registration<CleanupAction> callback(CleanupAction action) {
    checkNotNull(action, "action");
    return stack.addHandle(new Registration<>(action, AbstractExitStack.ACTION, action));
  }

  /**
   * Registers an already-open resource, as {@link ExitStack#register}.
   *
   * @param resource the resource to close
   * @param <C> the resource's type
   * @return a handle whose {@link Registration#value()} is {@code resource}
   */
  public <C extends AutoCloseable> Registration<C> register(C resource) {
    checkNotNull(resource, "resource");
    return stack.addHandle(new Registration<>(resource, AbstractExitStack.PLAIN, resource));
  }

  /**
   * Registers {@code value} with the cleanup that releases it, as {@link
   * CleanupStack#register(Object, ResourceCleanup)}.
   *
   * <pre>{@code
   * Registration<Path> temp =
   *     stack.handles().register(Files.createTempFile("out", ".csv"), Files::delete);
   * export(temp.value());
   * temp.cancel();   // exported: keep the file
   * }</pre>
   *
   * @param value the value to release
   * @param cleanup releases it
   * @param <T> the value's type
   * @return a handle whose {@link Registration#value()} is {@code value}
   */
  public <T> Registration<T> register(T value, ResourceCleanup<? super T> cleanup) {
    AbstractExitStack.Adopted<T> adopted =
        new AbstractExitStack.Adopted<>(
            checkNotNull(value, "value"), checkNotNull(cleanup, "cleanup"));
    return stack.addHandle(new Registration<>(adopted, AbstractExitStack.ACTION, value));
  }
}
