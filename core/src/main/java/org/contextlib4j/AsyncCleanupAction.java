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

/**
 * A plain cleanup whose completion comes later, registered with {@link
 * AsyncExitStack#pushAsyncCallback(AsyncCleanupAction)}.
 *
 * <pre>{@code
 * stack.pushAsyncCallback(() -> client.shutdownAsync());
 * }</pre>
 *
 * <p>Exception semantics are those of {@link CleanupAction}, with a stage: if it fails while
 * another exception is in flight, that exception stays in flight and this one is attached to it as
 * suppressed; if nothing is in flight, its failure becomes the exception in flight.
 *
 * <p><b>Thread safety:</b> called once, on the thread that is unwinding the stack at that point.
 *
 * <p>Python: the coroutine function passed to {@code AsyncExitStack.push_async_callback}. Unlike
 * Python, a failing callback does not replace the exception in flight.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AsyncCleanupAction {

  /**
   * Starts the cleanup.
   *
   * <p>Must not return {@code null}: a stack takes a null stage as this cleanup's failure, a {@link
   * NullPointerException} saying so, folded as any failure of a plain cleanup (Python's {@code
   * await None} fails that callback alone); the other cleanups still run.
   *
   * @return a stage completing when the cleanup is done (its value is ignored)
   * @throws Exception the same as a stage completed exceptionally with it (a {@link
   *     java.util.concurrent.CompletionException} thrown here is taken as is, not unwrapped)
   */
  CompletionStage<?> runAsync() throws Exception;
}
