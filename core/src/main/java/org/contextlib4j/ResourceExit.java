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
 * A release that sees how the block ended: the outcome-aware release of {@link
 * Contexts#resource(java.util.concurrent.Callable, ResourceExit)}.
 *
 * <pre>{@code
 * ContextManager<Connection> transaction = resource(
 *     () -> dataSource.getConnection(),
 *     (c, failure) -> {
 *       try {
 *         if (failure == null) c.commit(); else c.rollback();
 *       } finally {
 *         c.close();
 *       }
 *     });
 * }</pre>
 *
 * <p>Exception semantics are those of an exception-aware exit ({@link ExitHandler}) that returns
 * {@code false}: it never suppresses; if it throws Y while X is in flight, Y replaces X and X is
 * attached to Y as suppressed (unless X is Y or already reachable from it).
 *
 * <p><b>Thread safety:</b> called once per enter, on the thread that exits the manager.
 *
 * <p>Python: the code after the {@code yield} of an {@code @contextmanager} function, in a {@code
 * try}/{@code except}/{@code finally} around the {@code yield}.
 *
 * @param <T> the type of the resource
 * @since 0.1.0
 */
@FunctionalInterface
public interface ResourceExit<T extends @Nullable Object> {

  /**
   * Releases {@code resource}, seeing how the block ended.
   *
   * @param resource the resource the matching enter acquired
   * @param failure the exception in flight, or {@code null} if the block completed normally
   * @throws Exception to replace {@code failure} with it
   */
  void release(T resource, @Nullable Throwable failure) throws Exception;
}
