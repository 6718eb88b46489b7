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
package org.contextlib4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.contextlib4j.junit.ExitStackExtensionTest.SEEN;
import static org.contextlib4j.junit.ExitStackExtensionTest.run;
import static org.contextlib4j.junit.ExitStackExtensionTest.see;
import static org.contextlib4j.junit.ExitStackExtensionTest.seen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.contextlib4j.ExitStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link ExitStackExtension} and class templates (JUnit 5.13 and later, so these tests are in
 * junit-compat and run only on the lines that have them): the stacks of a
 * {@code @ParameterizedClass} invocation are unwound after that invocation (found by a review).
 */
class ExitStackExtensionClassTemplateTest {

  static final Map<String, Throwable> THROWN = new ConcurrentHashMap<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
    THROWN.clear();
  }

  static <T extends Throwable> T thrown(String name, T t) {
    THROWN.put(name, t);
    return t;
  }

  // A stack resolved in a @ParameterizedClass invocation (its @BeforeParameterizedClassInvocation
  // methods, or the constructor of a PER_CLASS parameterized class) is unwound after the
  // invocation, with its failure; before, it was unwound only when JUnit closed the invocation's
  // store, with null, and a cleanup failure came wrapped in "Failed to close extension context".

  @ExtendWith({ExitStackExtensionTest.OnlyInTestKit.class, ExitStackExtension.class})
  @ParameterizedClass
  @ValueSource(ints = {1, 2})
  static class ParameterizedClassFixture {
    @Parameter int value;

    @BeforeParameterizedClassInvocation
    static void beforeInvocation(int value, ExitStack stack) {
      stack.push(
          failure -> {
            see("invocationExit", "" + value, failure);
            return false;
          });
      if (value == 1) {
        throw thrown("beforeInvocation", new IllegalStateException("before invocation failed"));
      }
      if (value == 2) {
        stack.callback(
            () -> {
              throw thrown("cleanup", new IllegalStateException("invocation cleanup failed"));
            });
      }
    }

    @Test
    void test() {}
  }

  @Test
  void parameterizedClassInvocationStack_isUnwoundAfterItsInvocation() {
    run(ParameterizedClassFixture.class, Map.of());

    // JUnit reports no execution exception to a class template invocation's after-callback (not
    // even the failure of a @BeforeParameterizedClassInvocation method): the exit sees null.
    assertThat(THROWN).containsKey("beforeInvocation");
    assertThat(seen("invocationExit"))
        .containsExactly(
            new ExitStackExtensionTest.Seen("invocationExit", "1", null),
            // the later-registered cleanup failed first: in flight for the exit
            new ExitStackExtensionTest.Seen("invocationExit", "2", THROWN.get("cleanup")));
  }

  @Test
  void parameterizedClassInvocationStack_cleanupFailureFailsTheInvocation_unwrapped() {
    EngineExecutionResults results = run(ParameterizedClassFixture.class, Map.of());

    Event finished =
        results
            .containerEvents()
            .finished()
            .filter(e -> e.getTestDescriptor().getUniqueId().toString().endsWith("invocation:#2]"))
            .findFirst()
            .orElseThrow();
    TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(result.getThrowable().orElseThrow()).isSameAs(THROWN.get("cleanup"));
  }
}
