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
package org.contextlib4j.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace of one scenario (SPEC section 3). Lines may come from several threads (generator bodies
 * on the library's helper threads, async steps completed on another thread), so every append takes
 * the lock; once the scenario has ended, appends are dropped: a generator left suspended must not
 * log when the library closes it later (SPEC section 8).
 */
final class Trace {
  private final List<String> lines = new ArrayList<>();
  private boolean ended;

  /** Appends {@code line} unless the scenario has ended. */
  synchronized void log(String line) {
    if (!ended) {
      lines.add(line);
    }
  }

  /** {@return the lines logged so far} Later appends are dropped. */
  synchronized List<String> end() {
    ended = true;
    return List.copyOf(lines);
  }
}
