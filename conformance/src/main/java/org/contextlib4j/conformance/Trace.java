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
