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

import java.util.ArrayList;
import java.util.List;
import org.contextlib4j.Unwinds.Close;
import org.contextlib4j.Unwinds.Exit;
import org.contextlib4j.Unwinds.Outcome;
import org.contextlib4j.Unwinds.Stack;
import org.contextlib4j.Unwinds.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, item 5: long unwindings in which every entry fails complete, and lose nothing. 100,000
 * exits that each replace the exception in flight took 13 to 20 s for 20,000 before (each
 * replacement walked the whole chain looking for a cycle: quadratic); 100,000 failing cleanups into
 * one exception, some of them the same instance, must stay linear too (the rule walks the exception
 * in flight once, not at each attach). No time is measured here: the test only has to finish
 * (docs/benchmarks.md has the figures).
 */
class ManyFailuresTest {
  private static final int N = 100_000;

  /** No stack trace: a hundred thousand of them with one would be a few hundred megabytes. */
  static final class Light extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Light(String message) {
      super(message, null, true, false);
    }
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void hundredThousandReplacingExits_eachHoldsTheOneItReplaced(Stack stack) {
    Light x = new Light("body");
    List<Light> thrown = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      Light y = new Light("exit " + i);
      thrown.add(y);
      steps.add(new Exit(y));
    }

    Outcome out = Unwinds.run(stack, x, steps);

    // Registered first to last, run last to first: exit N-1 replaces the body, exit 0 is last.
    assertThat(out.ran()).isEqualTo(N);
    assertThat(out.propagated()).isSameAs(thrown.get(0));
    for (int i = 0; i < N - 1; i++) {
      assertThat(thrown.get(i).getSuppressed()).containsExactly(thrown.get(i + 1));
    }
    assertThat(thrown.get(N - 1).getSuppressed()).containsExactly(x);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void hundredThousandFailingCleanups_someTheSameInstance_eachAttachedOnce(Stack stack) {
    Light x = new Light("body");
    Light shared = new Light("shared");
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      steps.add(new Close(i % 10 == 0 ? shared : new Light("close " + i)));
    }

    Outcome out = Unwinds.run(stack, x, steps);

    assertThat(out.ran()).isEqualTo(N);
    assertThat(out.propagated()).isSameAs(x);
    Throwable[] attached = x.getSuppressed();
    assertThat(attached).hasSize(N - N / 10 + 1).contains(shared);
    assertThat(Unwinds.graph(x)).hasSize(attached.length + 1);
  }
}
