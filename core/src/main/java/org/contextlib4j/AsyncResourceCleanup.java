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
 * An asynchronous plain cleanup that receives the value it cleans up: what {@link
 * AsyncExitStack#registerAsync(Object, AsyncResourceCleanup)} runs.
 *
 * <pre>{@code
 * HttpClientSession session = stack.registerAsync(client.open(), s -> s.closeAsync());
 * }</pre>
 *
 * <p>Exception semantics are those of {@link AsyncCleanupAction}: a failure (thrown, or the
 * stage's) never replaces the exception in flight; it is attached to it, or becomes the exception
 * in flight if there is none. A {@code null} stage is this cleanup's failure, a {@link
 * NullPointerException} saying so.
 *
 * <p><b>Thread safety:</b> called once per registration, on the thread that is unwinding the stack
 * at that point.
 *
 * <p>Python: none. JavaScript: the {@code onDisposeAsync} function of {@code
 * AsyncDisposableStack.prototype.adopt}.
 *
 * @param <T> the type of the value
 * @since 0.1.0
 */
@FunctionalInterface
public interface AsyncResourceCleanup<T extends @Nullable Object> {

  /**
   * Starts releasing {@code resource}.
   *
   * @param resource the value registered with this cleanup
   * @return a stage completing when the release is done (its value is ignored)
   * @throws Exception the same as a stage completed exceptionally with it
   */
  CompletionStage<?> releaseAsync(T resource) throws Exception;
}
