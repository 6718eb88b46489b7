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
 * The yield point of a generator-style manager (see {@link Contexts#contextManager}): the body
 * calls {@link #yield} exactly once, and the {@code with} block runs during that call.
 *
 * <pre>{@code
 * ContextManager<Path> scratch = Contexts.contextManager(y -> {
 *   Path dir = Files.createTempDirectory("job");   // setup
 *   try {
 *     y.yield(dir);                                  // the with-block runs here
 *   } finally {
 *     deleteTree(dir);                               // teardown, also when the block failed
 *   }
 * });
 * }</pre>
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <ul>
 *   <li>If the block completes normally, {@code yield} returns normally.
 *   <li>If the block throws X, {@code yield} throws X, the same instance, so the body's {@code
 *       catch} and {@code finally} clauses see it as Python's {@code except} and {@code finally}
 *       do. Returning normally after catching it suppresses it; rethrowing it lets it continue;
 *       throwing another exception replaces it.
 *   <li>Called a second time (after the block has run), {@code yield} throws an internal error that
 *       only unwinds the body, running its {@code finally} clauses (Python closes the generator);
 *       the manager then throws an {@link IllegalStateException} saying that the body called {@code
 *       yield} a second time (with X attached if the block had failed X). Python: "generator didn't
 *       stop" and "generator didn't stop after throw()".
 *   <li>Called after the body has returned (a {@code Yielder} kept or passed on beyond its body),
 *       {@code yield} throws an {@link IllegalStateException} saying so.
 *   <li>If X is an {@link InterruptedException} and the body stops it (returns after catching it,
 *       or throws another exception instead), the manager sets the interrupt status again, as
 *       {@link Contexts#suppress} does, so that the interrupt is not lost: on the thread that runs
 *       the block, which is the caller's in callback mode and, in split mode, the thread that calls
 *       {@code exit} (never a helper thread the body runs on). A body that lets X continue leaves
 *       the status alone: X itself carries the interrupt.
 * </ul>
 *
 * <p><b>Thread safety:</b> call it only from the body it was passed to, while that body runs, at
 * most once per run.
 *
 * <p>Python: the {@code yield} expression of a {@code @contextmanager} generator.
 *
 * @param <T> the type of value the with-block receives
 * @since 0.1.0
 */
@FunctionalInterface
public interface Yielder<T extends @Nullable Object> {

  /**
   * Hands {@code value} to the with-block and returns when the block has completed.
   *
   * @param value what the manager's {@code enter} returns
   * @throws Exception what the with-block threw, unchanged (checked exceptions included)
   */
  // Named after Python's yield; a method may carry the name, and calls are always qualified
  // (y.yield(v)), which is what Java 14+ requires.
  @SuppressWarnings("NamedLikeContextualKeyword")
  void yield(T value) throws Exception;
}
