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
 * A plain cleanup that receives the value it cleans up: what {@link CleanupStack#register(Object,
 * ResourceCleanup)} runs for a value that is not an {@link AutoCloseable} (an {@code
 * ExecutorService} on JDK 17, a {@code Lock}, a temporary {@code Path}, a {@code Process}), and the
 * release of {@link Contexts#resource(java.util.concurrent.Callable, ResourceCleanup)}.
 *
 * <pre>{@code
 * ExecutorService workers =
 *     stack.register(Executors.newFixedThreadPool(4), ExecutorService::shutdownNow);
 * Path scratch = stack.register(Files.createTempFile("job", ".tmp"), Files::deleteIfExists);
 * }</pre>
 *
 * <p>Exception semantics are those of {@link CleanupAction}: if it fails while another exception is
 * in flight, that exception stays in flight and this one is attached to it as suppressed (the
 * try-with-resources rule); with nothing in flight, its failure becomes the exception in flight.
 *
 * <p><b>Thread safety:</b> called once per registration, on the thread that unwinds the stack.
 *
 * <p>Python: none (its {@code ExitStack.callback(fn, value)} passes the value as an argument).
 * JavaScript: the {@code onDispose} function of {@code DisposableStack.prototype.adopt}.
 *
 * @param <T> the type of the value
 * @since 0.1.0
 */
@FunctionalInterface
public interface ResourceCleanup<T extends @Nullable Object> {

  /**
   * Releases {@code resource}.
   *
   * @param resource the value registered with this cleanup
   * @throws Exception if releasing fails
   */
  void release(T resource) throws Exception;
}
