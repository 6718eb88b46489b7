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
package org.contextlib4j.internal;

/**
 * Tells whether code runs on the thread that made a call, before that call returned: the one thread
 * whose interrupt status an async operation may re-set. A stage's callback that runs later, or on
 * the thread that completed the stage, must not interrupt that thread.
 */
public final class CallerScope {
  private final Thread caller = Thread.currentThread();
  private volatile boolean left;

  /** Opens the scope for the calling thread. */
  public CallerScope() {}

  /** {@return whether this runs on the caller's thread, inside the call} */
  public boolean active() {
    return Thread.currentThread() == caller && !left;
  }

  /** Closes the scope: the call returns. */
  public void leave() {
    left = true;
  }
}
