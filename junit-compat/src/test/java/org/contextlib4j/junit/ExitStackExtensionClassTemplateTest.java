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
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link ExitStackExtension} and class templates (JUnit 5.13 and later, so these tests are in
 * junit-compat and run only on the lines that have them): the stacks of a
 * {@code @ParameterizedClass} invocation are unwound when JUnit closes the invocation's context, at
 * the end of that invocation, and a cleanup's failure fails that invocation. An {@code
 * AfterClassTemplateInvocationCallback} would spare an Exception JUnit's wrapper, but the extension
 * cannot implement that 5.13 interface and still load on JUnit 5.10 to 5.12.
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

  // Invocation 1: its @BeforeParameterizedClassInvocation method fails after registering an exit.
  // Invocation 2: a cleanup throws an Exception. Invocation 3: a cleanup throws an Error.
  @ExtendWith({ExitStackExtensionTest.OnlyInTestKit.class, ExitStackExtension.class})
  @ParameterizedClass
  @ValueSource(ints = {1, 2, 3})
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
              throw thrown("exception", new IllegalStateException("invocation cleanup failed"));
            });
      }
      if (value == 3) {
        stack.callback(
            () -> {
              throw thrown("error", new AssertionError("invocation cleanup failed"));
            });
      }
    }

    @Test
    void test(ExitStack stack) {
      stack.callback(() -> see("testCleanup", "" + value, null));
    }
  }

  @Test
  void parameterizedClassInvocationStack_isUnwoundAtTheEndOfItsInvocation() {
    EngineExecutionResults results = run(ParameterizedClassFixture.class, Map.of());

    // Invocation 1 runs no test: its before-invocation method failed.
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    assertThat(seen("testCleanup"))
        .extracting(ExitStackExtensionTest.Seen::test)
        .contains("2", "3");
    // JUnit keeps no failure for an invocation's context, not even that of a
    // @BeforeParameterizedClassInvocation method: the exit sees null, or the failure of the
    // cleanup registered after it, which ran first.
    assertThat(THROWN).containsKey("beforeInvocation");
    assertThat(seen("invocationExit"))
        .containsExactly(
            new ExitStackExtensionTest.Seen("invocationExit", "1", null),
            new ExitStackExtensionTest.Seen("invocationExit", "2", THROWN.get("exception")),
            new ExitStackExtensionTest.Seen("invocationExit", "3", THROWN.get("error")));
  }

  @Test
  void parameterizedClassInvocationCleanupException_failsTheInvocation_asTheCauseOfJUnitsWrapper() {
    EngineExecutionResults results = run(ParameterizedClassFixture.class, Map.of());

    Throwable failure = invocationFailure(results, 2);
    assertThat(failure)
        .isInstanceOf(JUnitException.class)
        .hasMessage("Failed to close extension context");
    assertThat(failure.getCause()).isSameAs(THROWN.get("exception"));
  }

  @Test
  void parameterizedClassInvocationCleanupError_failsTheInvocation_asItIs() {
    EngineExecutionResults results = run(ParameterizedClassFixture.class, Map.of());

    assertThat(invocationFailure(results, 3)).isSameAs(THROWN.get("error"));
  }

  private static Throwable invocationFailure(EngineExecutionResults results, int invocation) {
    Event finished =
        results
            .containerEvents()
            .finished()
            .filter(
                e ->
                    e.getTestDescriptor()
                        .getUniqueId()
                        .toString()
                        .endsWith("invocation:#" + invocation + "]"))
            .findFirst()
            .orElseThrow();
    TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    return result.getThrowable().orElseThrow();
  }
}
