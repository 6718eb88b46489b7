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

/**
 * A plain cleanup: an action that does not care how the block ended, registered with {@link
 * ExitStack#callback(CleanupAction)}.
 *
 * <pre>{@code
 * Path scratch = Files.createTempFile("job", ".tmp");
 * stack.callback(() -> Files.deleteIfExists(scratch));
 * }</pre>
 *
 * <p>Exception semantics are those of {@link AutoCloseable#close()} in try-with-resources: if it
 * throws while another exception is in flight, that exception stays in flight and this one is
 * attached to it as suppressed; if nothing is in flight, what it throws becomes the exception in
 * flight. It never suppresses anything.
 *
 * <p><b>Thread safety:</b> run once, on the thread that unwinds the stack.
 *
 * <p>Python: the function passed to {@code ExitStack.callback}. Unlike Python, a failing callback
 * does not replace the exception in flight.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CleanupAction {

  /**
   * Runs the cleanup.
   *
   * @throws Exception if the cleanup fails
   */
  void run() throws Exception;
}
