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

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The body of an async generator-style manager, Python's {@code @asynccontextmanager} function: a
 * stage that does the setup, calls {@link AsyncYielder#yieldAsync} once, and then the teardown. See
 * {@link Contexts#asyncContextManager}.
 *
 * <pre>{@code
 * AsyncGeneratorBody<Lock> lease = y ->
 *     locks.acquireAsync(name).thenCompose(lock ->
 *         y.yieldAsync(lock)
 *             .handle((ignored, failure) -> lock.releaseAsync()   // release in both cases,
 *                 .thenCompose(released -> failure == null        // then let a failure go on
 *                     ? CompletableFuture.<Void>completedFuture(null)
 *                     : CompletableFuture.<Void>failedFuture(failure)))
 *             .thenCompose(teardown -> teardown));
 * }</pre>
 *
 * <p>Ending the chain with {@code .handle((ignored, failure) -> lock.releaseAsync())} alone would
 * complete the body's stage normally when the block failed, which suppresses the block's exception
 * (as a Python body that catches it and returns). For a plain acquire and release, {@link
 * Contexts#resourceAsync} says it in one call:
 *
 * <pre>{@code
 * AsyncContextManager<Lock> lease = Contexts.resourceAsync(
 *     () -> locks.acquireAsync(name),
 *     (lock, failure) -> lock.releaseAsync().thenApply(released -> false));   // never suppress
 * }</pre>
 *
 * <p>Exception semantics: see {@link AsyncYielder}. A failure before the yield (thrown, or the
 * returned stage failing) is the enter failure; after it, the exit's result. The returned stage
 * must complete only after the stage {@link AsyncYielder#yieldAsync} returned has completed
 * (compose on it); a body that does not wait makes the manager fail with {@code
 * IllegalStateException}, see {@link AsyncYielder}.
 *
 * <p><b>Thread safety:</b> called once per run, on the thread that enters the manager.
 *
 * <p>Python: an async generator function decorated with {@code @asynccontextmanager}.
 *
 * @param <T> the type of value yielded to the with-block
 * @since 0.1.0
 */
@FunctionalInterface
public interface AsyncGeneratorBody<T extends @Nullable Object> {

  /**
   * Starts the body.
   *
   * @param yielder the yield point; call it exactly once
   * @return a stage that completes when the teardown has finished; never null: a body that returns
   *     null fails the enter with {@code NullPointerException("the asyncContextManager body
   *     returned null; it must return a CompletionStage")}, and a yield it made before returning
   *     (or makes later) gets a stage failed with the internal error that closes a body, so that
   *     what waits for it runs instead of waiting forever
   * @throws Exception the same as a stage failed with it
   */
  CompletionStage<?> run(AsyncYielder<T> yielder) throws Exception;
}
