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
 * The body of a generator-style manager, Python's {@code @contextmanager} generator function:
 * setup, then one call of {@link Yielder#yield}, then teardown. See {@link
 * Contexts#contextManager}.
 *
 * <pre>{@code
 * GeneratorBody<Connection> transaction = y -> {
 *   Connection c = pool.getConnection();
 *   try {
 *     y.yield(c);
 *     c.commit();
 *   } catch (Throwable failure) {
 *     c.rollback();
 *     throw failure;                 // rethrow: the block's exception continues
 *   } finally {
 *     c.close();
 *   }
 * };
 * }</pre>
 *
 * <p>Exception semantics: see {@link Yielder}. What the body throws before yielding is the enter
 * failure; after yielding, it is the exit's result.
 *
 * <p><b>Thread safety:</b> called once per run. In callback mode (with {@link Contexts#with} and
 * the decorators) it runs on the caller's thread; entered with {@link ContextManager#enter()} and
 * exited separately it runs as a continuation on the caller's thread when the JVM allows, else on a
 * helper thread (see {@link Contexts#contextManager}).
 *
 * <p>Python: a generator function decorated with {@code @contextmanager}.
 *
 * @param <T> the type of value yielded to the with-block
 * @since 0.1.0
 */
@FunctionalInterface
public interface GeneratorBody<T extends @Nullable Object> {

  /**
   * Runs setup, yields once, runs teardown.
   *
   * @param yielder the yield point; call it exactly once
   * @throws Exception if setup or teardown fails, or to let the block's exception continue
   */
  void run(Yielder<T> yielder) throws Exception;
}
