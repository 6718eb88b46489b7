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
 * A resource with an exception-aware exit whose enter and exit complete later: Python's
 * asynchronous context manager protocol, over {@link CompletionStage}.
 *
 * <pre>{@code
 * final class Lease implements AsyncContextManager<Lock> {
 *   public CompletionStage<Lock> enterAsync() { return locks.acquireAsync(name); }
 *
 *   public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
 *     return locks.releaseAsync(name).thenApply(ignored -> false);   // never suppress
 *   }
 * }
 *
 * Contexts.withAsync(new Lease(), lock -> client.sendAsync(request, handler));
 * }</pre>
 *
 * <p>{@link Contexts#toAsync(ContextManager)} adapts any synchronous {@link ContextManager}, and
 * {@link AsyncExitStack} also accepts synchronous managers, exits and {@link AutoCloseable}s
 * directly.
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>Those of {@link ContextManager}, with stages: {@code enterAsync} failing (or throwing) means
 * the exit is not called; {@code exitAsync} completing with {@code true} suppresses the exception
 * in flight; completing exceptionally with another exception replaces it, and the replaced one is
 * attached to it as suppressed. A {@link java.util.concurrent.CompletionException} around a failure
 * is removed before the failure is looked at: exceptions propagate as the same instance.
 *
 * <p><b>Thread safety:</b> defined by each implementation; the library calls {@code exitAsync} at
 * most once per {@code enterAsync}, after the stage {@code enterAsync} returned has completed.
 *
 * <p>Python: {@code contextlib.AbstractAsyncContextManager}, {@code __aenter__}, {@code __aexit__}.
 *
 * @param <T> the type of value the enter stage completes with
 * @since 0.1.0
 */
public interface AsyncContextManager<T extends @Nullable Object> {

  /**
   * Acquires the resource.
   *
   * @return a stage completing with the value the block works with, or exceptionally if acquiring
   *     failed (then {@link #exitAsync} is not called)
   */
  CompletionStage<T> enterAsync();

  /**
   * Releases the resource, seeing how the block ended.
   *
   * <p>Must not return {@code null}: a stack (and {@link Contexts#withAsync}) takes a null stage as
   * this exit's failure, a {@link NullPointerException} saying so, which replaces the exception in
   * flight as any exception the exit threw would; the other cleanups still run. A null stage from
   * {@link #enterAsync} fails the enter the same way, and nothing is registered.
   *
   * @param failure the exception in flight, or {@code null} if the block completed normally
   * @return a stage completing with {@code true} to suppress {@code failure}, or exceptionally to
   *     replace it
   */
  CompletionStage<Boolean> exitAsync(@Nullable Throwable failure);
}
