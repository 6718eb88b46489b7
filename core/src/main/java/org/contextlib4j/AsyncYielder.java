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
 * The yield point of an async generator-style manager (see {@link Contexts#asyncContextManager}):
 * the body calls {@link #yieldAsync} once, and the returned stage completes when the with-block has
 * finished.
 *
 * <pre>{@code
 * AsyncContextManager<Session> session = Contexts.asyncContextManager(y ->
 *     client.openAsync().thenCompose(s ->
 *         y.yieldAsync(s)                                  // completes when the with-block ends
 *             .handle((ignored, failure) -> s.closeAsync()  // close in both cases, waiting for it,
 *                 .thenCompose(closed -> failure == null     // then let the block's failure go on
 *                     ? CompletableFuture.<Void>completedFuture(null)
 *                     : CompletableFuture.<Void>failedFuture(failure)))
 *             .thenCompose(teardown -> teardown)));
 * }</pre>
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>As {@link Yielder}: the stage completes normally if the block completed normally, and
 * exceptionally with the block's exception X (the instance itself) if it failed. The body's own
 * stage then decides: completing normally suppresses X, failing with X lets it continue, failing
 * with another exception replaces it. A second {@code yieldAsync} after the block ended returns a
 * stage failed with an internal error that only unwinds the body, and the manager fails with an
 * {@link IllegalStateException} saying that the body called {@code yieldAsync} a second time (with
 * X attached if the block failed; Python: "generator didn't stop [after throw()]"). A second {@code
 * yieldAsync} before the block ended (the body did not wait for the first one's stage) is a misuse:
 * the manager fails with an {@link IllegalStateException} saying so (from the enter if it is still
 * pending, else from the exit, with X attached), and every yield's stage is completed with that
 * internal error at the latest then, so nothing the body chained on it waits forever.
 *
 * <p>An {@link InterruptedException} X that the body stops (its stage completes normally, or fails
 * with another exception) sets the interrupt status again, as in the {@linkplain Yielder#yield sync
 * form}, but only on the thread that called {@code exitAsync}, and only if the outcome is decided
 * before that call returns (the body's teardown ran without waiting for another stage). Decided
 * later, on a thread that completed a stage the body waited for, it sets no thread's status: that
 * thread did not run the block, and the caller has moved on. Under {@link Contexts#withAsync} and
 * {@link AsyncExitStack}, the same holds for the whole unwinding: the status is set again only
 * while it runs inside the {@code withAsync}, {@code closeAsync} or {@code exitAsync} call, on its
 * caller's thread; once it has waited for a stage, the thread that runs its next step merely
 * completed a stage, and neither this manager nor the stack sets that thread's status.
 *
 * <p>The body must wait for the returned stage (compose on it) before its own stage completes, as
 * Python's {@code await} does. A body whose stage completes while this stage is still pending has
 * not seen how the block ended, so its end cannot suppress or replace X. The manager then fails
 * with {@code IllegalStateException("the asyncContextManager body's stage completed while its
 * yieldAsync stage was still pending; a body must wait for (compose on) the stage yieldAsync
 * returns")}, with X attached, and the body's own failure (if its stage failed) attached after it:
 *
 * <ul>
 *   <li>if the body's stage completed before the enter stage did, the enter fails with it: the
 *       block does not run, and this stage fails with the internal error that closes a body, so
 *       that what waits for it runs;
 *   <li>otherwise the exit fails with it, also when the block completed normally (the misuse is
 *       reported, never silently accepted), and this stage still completes with the block's outcome
 *       first.
 * </ul>
 *
 * <p><b>Thread safety:</b> may be called from any thread, at most once per run.
 *
 * <p>Python: the {@code yield} expression of an {@code @asynccontextmanager} generator.
 *
 * @param <T> the type of value the with-block receives
 * @since 0.1.0
 */
@FunctionalInterface
public interface AsyncYielder<T extends @Nullable Object> {

  /**
   * Hands {@code value} to the with-block.
   *
   * @param value what the manager's enter stage completes with
   * @return a stage that completes when the with-block has finished, exceptionally with its
   *     exception if it failed
   */
  CompletionStage<@Nullable Void> yieldAsync(T value);
}
