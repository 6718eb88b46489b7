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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A stack for {@link EndOfTheStackTest} and {@link AsyncEndOfTheStackTest}: the root they close,
 * the stack that holds the counted cleanups (the root, or a stack nested in it), and how often each
 * cleanup ran.
 */
final class EndOfTheStackFixture {
  static final int CLEANUPS = 200;

  /** A named way to make a fixture: one parameter of the tests. */
  record Shape(String name, Supplier<EndOfTheStackFixture> make) {
    /**
     * {@return a fixture whose close fails with a constructed StackOverflowError} (a cleanup throws
     * it, after one that runs before it), to warm up the failure paths on a shallow stack.
     */
    EndOfTheStackFixture failingOnce() {
      EndOfTheStackFixture f = make.get();
      f.holder.callback(
          () -> {
            throw new StackOverflowError("constructed, to warm up the failure path");
          });
      f.holder.callback(() -> {}); // runs before it
      return f;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  final AbstractExitStack root;
  final AbstractExitStack holder;
  final int[] runs;

  EndOfTheStackFixture(AbstractExitStack root, AbstractExitStack holder, int[] runs) {
    this.root = root;
    this.holder = holder;
    this.runs = runs;
  }

  /**
   * {@return {@link #CLEANUPS} counted plain callbacks on {@code root}} or, if {@code nested} is
   * given, on {@code nested}, pushed onto {@code root} above one callback of its own (something to
   * go back to).
   */
  static EndOfTheStackFixture callbacks(
      AbstractExitStack root, @Nullable AbstractExitStack nested) {
    AbstractExitStack holder = nested == null ? root : nested;
    if (nested != null) {
      root.callback(() -> {});
      root.push((ContextManager<?>) nested);
    }
    int[] runs = new int[CLEANUPS];
    for (int i = 0; i < CLEANUPS; i++) {
      int id = i;
      holder.callback(() -> runs[id]++);
    }
    return new EndOfTheStackFixture(root, holder, runs);
  }

  /** Checks that no cleanup ran more than once and {@return how many did not run} */
  int notRun(int round) {
    int notRun = 0;
    for (int i = 0; i < CLEANUPS; i++) {
      assertThat(runs[i]).as("round %d: runs of cleanup %d", round, i).isLessThanOrEqualTo(1);
      notRun += 1 - runs[i];
    }
    return notRun;
  }
}
