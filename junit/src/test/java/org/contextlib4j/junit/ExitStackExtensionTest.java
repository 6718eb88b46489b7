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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.ContextManager;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs the static nested fixture classes with the JUnit Platform Test Kit and checks what their
 * stacks did. The fixtures are disabled unless the Test Kit sets {@link #FIXTURES}, and surefire
 * does not pick nested classes anyway.
 */
class ExitStackExtensionTest {

  static final String FIXTURES = "contextlib4j.junit.fixtures";

  /** What the fixtures saw: (where, test, object), in order. Fixtures may run in parallel. */
  static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

  record Seen(String where, String test, @Nullable Object value) {}

  static void see(String where, String test, @Nullable Object value) {
    SEEN.add(new Seen(where, test, value));
  }

  static void see(String where, TestInfo info, @Nullable Object value) {
    see(where, info.getDisplayName(), value);
  }

  /** A name that tells the invocations of one test template apart. */
  static String id(TestInfo info) {
    return info.getTestMethod().orElseThrow().getName() + " " + info.getDisplayName();
  }

  static List<Seen> seen(String where) {
    return SEEN.stream().filter(s -> s.where().equals(where)).collect(Collectors.toList());
  }

  static List<String> log() {
    return SEEN.stream().map(s -> s.where() + ":" + s.test()).collect(Collectors.toList());
  }

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  static EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(FIXTURES, "true")
        .configurationParameters(parameters)
        .selectors(selectClass(fixture))
        .execute();
  }

  static EngineExecutionResults run(Class<?> fixture) {
    return run(fixture, Map.of());
  }

  static Throwable failureOf(EngineExecutionResults results, String displayName) {
    Event finished =
        results
            .testEvents()
            .finished()
            .filter(e -> e.getTestDescriptor().getDisplayName().equals(displayName))
            .findFirst()
            .orElseThrow();
    TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    return result.getThrowable().orElseThrow();
  }

  /** Enables a fixture only inside {@link #run}. */
  static final class OnlyInTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(FIXTURES).isPresent()
          ? ConditionEvaluationResult.enabled("run by the Test Kit")
          : ConditionEvaluationResult.disabled("a fixture for ExitStackExtensionTest");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scopes

  @ExtendWith({OnlyInTestKit.class, ExitStackExtension.class})
  static class PerTestFixture {
    PerTestFixture(ExitStack stack, TestInfo info) {
      see("constructor", info, stack);
    }

    @BeforeAll
    static void beforeAll(ExitStack stack) {
      see("beforeAll", "class", stack);
      stack.callback(() -> see("classCleanup", "class", null));
    }

    @BeforeEach
    void beforeEach(ExitStack stack, AsyncExitStack async, TestInfo info) {
      see("beforeEach", info, stack);
      see("beforeEachAsync", info, async);
      stack.callback(() -> see("cleanupFirst", info, null));
    }

    @Test
    void one(ExitStack stack, AsyncExitStack async, TestInfo info) {
      see("test", info, stack);
      see("testAsync", info, async);
      stack.callback(() -> see("cleanupSecond", info, null));
    }

    @Test
    void two(ExitStack stack, AsyncExitStack async, TestInfo info) {
      one(stack, async, info);
    }

    @AfterEach
    void afterEach(ExitStack stack, TestInfo info) {
      see("afterEach", info, stack);
    }

    @AfterAll
    static void afterAll(ExitStack stack) {
      see("afterAll", "class", stack);
    }
  }

  @Test
  void givesOneStackPerTest_toLifecycleMethodsAndTest() {
    run(PerTestFixture.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    for (String test :
        List.of(
            "one(ExitStack, AsyncExitStack, TestInfo)",
            "two(ExitStack, AsyncExitStack, TestInfo)")) {
      Object stack = only("test", test);
      assertThat(stack).isInstanceOf(ExitStack.class);
      assertThat(only("beforeEach", test)).isSameAs(stack);
      assertThat(only("afterEach", test)).isSameAs(stack);
      assertThat(only("testAsync", test)).isInstanceOf(AsyncExitStack.class);
      assertThat(only("beforeEachAsync", test)).isSameAs(only("testAsync", test));
    }
    assertThat(distinct(values("test"))).hasSize(2);
    assertThat(distinct(values("testAsync"))).hasSize(2);
  }

  @Test
  void givesThePerMethodConstructorTheTestsStack_fromJUnit5_12() {
    assumeTrue(JupiterVersion.atLeast(5, 12), "JUnit 5.12 added the test-method scope");
    run(PerTestFixture.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(seen("test")).hasSize(2);
    for (Seen test : seen("test")) {
      assertThat(only("constructor", test.test())).isSameAs(test.value());
    }
  }

  @Test
  void givesThePerMethodConstructorTheClassStack_beforeJUnit5_12() {
    assumeFalse(JupiterVersion.atLeast(5, 12), "JUnit 5.12 added the test-method scope");
    run(PerTestFixture.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    // JUnit 5.10 and 5.11 resolve a PER_METHOD constructor's parameters in the class's context:
    // TestInfo names the class, and each instance gets the class's stack.
    Object classStack = only("beforeAll", "class");
    List<Seen> constructors = seen("constructor");
    assertThat(constructors).hasSize(2);
    for (Seen constructor : constructors) {
      assertThat(constructor.test()).isEqualTo("ExitStackExtensionTest$PerTestFixture");
      assertThat(constructor.value()).isSameAs(classStack);
    }
  }

  @Test
  void runsWithoutTheTypesOfLaterJUnits_beforeJUnit5_12() {
    assumeFalse(JupiterVersion.atLeast(5, 12), "JUnit 5.12 added the first of them");
    // The types of JUnit 5.12 and 5.13 that the extension has to do without on this line: absent
    // at run time (the stand-in it compiles against, src/compile-stubs, must not leak into the
    // run), or the tests above would not show that it works without them.
    for (String type :
        List.of(
            "org.junit.jupiter.api.extension.TestInstantiationAwareExtension",
            "org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback")) {
      assertThatThrownBy(() -> Class.forName(type)).isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void givesTheConstructorTheTestsStack_whenTheConfiguredScopeIsTheClass() {
    assumeTrue(JupiterVersion.atLeast(5, 12), "JUnit 5.12 added the scope and its parameter");
    // The extension asks for the test-method scope itself, whatever the configured default.
    run(
            PerTestFixture.class,
            Map.of(
                "junit.jupiter.extensions.testinstantiation.extensioncontextscope.default",
                "default"))
        .testEvents()
        .assertStatistics(s -> s.succeeded(2));

    for (Seen test : seen("test")) {
      assertThat(only("constructor", test.test())).isSameAs(test.value());
    }
  }

  @Test
  void unwindsAfterAfterEach_lifoBeforeTheNextTest() {
    run(PerTestFixture.class).testEvents().assertStatistics(s -> s.succeeded(2));

    List<String> log = log();
    for (String test :
        List.of(
            "one(ExitStack, AsyncExitStack, TestInfo)",
            "two(ExitStack, AsyncExitStack, TestInfo)")) {
      int afterEach = log.indexOf("afterEach:" + test);
      int second = log.indexOf("cleanupSecond:" + test);
      int first = log.indexOf("cleanupFirst:" + test);
      assertThat(afterEach).isGreaterThanOrEqualTo(0);
      assertThat(second).isEqualTo(afterEach + 1);
      assertThat(first).isEqualTo(second + 1);
    }
  }

  @Test
  void givesOneStackPerClass_toBeforeAllAndAfterAll_unwoundAfterAfterAll() {
    run(PerTestFixture.class);

    Object classStack = only("beforeAll", "class");
    assertThat(only("afterAll", "class")).isSameAs(classStack);
    assertThat(values("test")).doesNotContain(classStack);
    List<String> log = log();
    assertThat(log.get(log.size() - 1)).isEqualTo("classCleanup:class");
    assertThat(log.get(log.size() - 2)).isEqualTo("afterAll:class");
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @ExtendWith({OnlyInTestKit.class, ExitStackExtension.class})
  static class PerClassFixture {
    PerClassFixture(ExitStack stack) {
      see("constructor", "class", stack);
      stack.callback(() -> see("classCleanup", "class", null));
    }

    @BeforeAll
    void beforeAll(ExitStack stack) {
      see("beforeAll", "class", stack);
    }

    @Test
    void one(ExitStack stack, TestInfo info) {
      see("test", info, stack);
      stack.callback(() -> see("cleanup", info, null));
    }

    @Test
    void two(ExitStack stack, TestInfo info) {
      one(stack, info);
    }

    @AfterAll
    void afterAll(ExitStack stack) {
      see("afterAll", "class", stack);
    }
  }

  @Test
  void givesTheClassStackToThePerClassConstructor_andPerTestStacksToTests() {
    run(PerClassFixture.class).testEvents().assertStatistics(s -> s.succeeded(2));

    Object classStack = only("constructor", "class");
    assertThat(only("beforeAll", "class")).isSameAs(classStack);
    assertThat(only("afterAll", "class")).isSameAs(classStack);
    List<Object> tests = values("test");
    assertThat(distinct(tests)).hasSize(2).doesNotContain(classStack);
    assertThat(log())
        .endsWith("cleanup:two(ExitStack, TestInfo)", "afterAll:class", "classCleanup:class");
  }

  @ExtendWith({OnlyInTestKit.class, ExitStackExtension.class})
  static class InvocationFixture {
    @BeforeEach
    void beforeEach(ExitStack stack, TestInfo info) {
      see("beforeEach", id(info), stack);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void parameterized(int value, ExitStack stack, TestInfo info) {
      see("test", id(info), stack);
      stack.callback(() -> see("cleanup", id(info), null));
    }

    @RepeatedTest(3)
    void repeated(ExitStack stack, TestInfo info) {
      see("test", id(info), stack);
      stack.callback(() -> see("cleanup", id(info), null));
    }
  }

  @Test
  void givesOneStackPerInvocation_ofParameterizedAndRepeatedTests() {
    run(InvocationFixture.class).testEvents().assertStatistics(s -> s.succeeded(6));

    List<Seen> tests = seen("test");
    assertThat(tests).hasSize(6);
    assertThat(distinct(values("test"))).hasSize(6);
    for (Seen test : tests) {
      assertThat(only("beforeEach", test.test())).isSameAs(test.value());
    }
    // Each invocation's cleanup runs before the next invocation starts.
    List<String> log = log();
    for (Seen test : tests) {
      assertThat(log.indexOf("cleanup:" + test.test()))
          .isEqualTo(log.indexOf("test:" + test.test()) + 1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The failure passed to the exits

  static final Map<String, Throwable> THROWN = new ConcurrentHashMap<>();

  static <T extends Throwable> T thrown(String name, T exception) {
    THROWN.put(name, exception);
    return exception;
  }

  /** A transaction-like manager: records "commit" or "rollback" and what its exit saw. */
  static final class Transaction implements ContextManager<String> {
    private final String test;

    Transaction(String test) {
      this.test = test;
    }

    @Override
    public String enter() {
      return "connection";
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      see(failure == null ? "commit" : "rollback", test, failure);
      return false;
    }
  }

  @ExtendWith({OnlyInTestKit.class, ExitStackExtension.class})
  static class FailureFixture {
    @Test
    void passes(ExitStack stack) {
      stack.enterContext(new Transaction("passes"));
    }

    @Test
    void fails(ExitStack stack) {
      stack.enterContext(new Transaction("fails"));
      throw thrown("fails", new AssertionError("expected:<1> but was:<2>"));
    }

    @Test
    void failsAsync(AsyncExitStack stack) {
      stack.pushAsyncExit(
          failure -> {
            see("asyncExit", "failsAsync", failure);
            return CompletableFuture.completedFuture(false);
          });
      throw thrown("failsAsync", new AssertionError("expected:<1> but was:<2>"));
    }

    @Test
    void passesAsync(AsyncExitStack stack) {
      stack.pushAsyncExit(
          failure -> {
            see("asyncExit", "passesAsync", failure);
            return CompletableFuture.completedFuture(false);
          });
    }
  }

  @Test
  void passesTheTestsFailureToTheExits_andNullWhenItPassed() {
    EngineExecutionResults results = run(FailureFixture.class);
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(2));

    Throwable failure = failureOf(results, "fails(ExitStack)");
    assertThat(failure).isSameAs(THROWN.get("fails"));
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(only("rollback", "fails")).isSameAs(failure);
    assertThat(seen("commit")).containsExactly(new Seen("commit", "passes", null));
    assertThat(only("asyncExit", "failsAsync"))
        .isSameAs(failureOf(results, "failsAsync(AsyncExitStack)"))
        .isSameAs(THROWN.get("failsAsync"));
    assertThat(seen("asyncExit"))
        .filteredOn(s -> s.test().equals("passesAsync"))
        .containsExactly(new Seen("asyncExit", "passesAsync", null));
  }

  // ---------------------------------------------------------------------------------------------
  // Cleanup failures

  @ExtendWith({OnlyInTestKit.class, ExitStackExtension.class})
  static class CleanupFailureFixture {
    @Test
    void passesButTwoCleanupsFail(ExitStack stack) {
      stack.callback(
          () -> {
            throw thrown("first", new IllegalStateException("first registered"));
          });
      stack.callback(
          () -> {
            throw thrown("second", new java.io.IOException("second registered"));
          });
    }

    @Test
    void failsAndACleanupFails(ExitStack stack) {
      stack.callback(
          () -> {
            throw thrown("cleanup", new IllegalStateException("cleanup"));
          });
      throw thrown("test", new AssertionError("test"));
    }

    @Test
    void failsAndAnExitReplacesIt(ExitStack stack) {
      stack.push(
          failure -> {
            throw thrown("replacement", new IllegalStateException("replacement"));
          });
      throw thrown("replaced", new AssertionError("replaced"));
    }

    @Test
    void failsAndAnExitSuppressesIt(ExitStack stack) {
      stack.push(
          failure -> {
            see("outerExit", "failsAndAnExitSuppressesIt", failure);
            return false;
          });
      stack.push(failure -> true);
      throw thrown("suppressed", new AssertionError("suppressed"));
    }
  }

  @Test
  void failsAPassingTest_withTheFirstCleanupFailure_andTheOthersAttached() {
    EngineExecutionResults results = run(CleanupFailureFixture.class);

    Throwable failure = failureOf(results, "passesButTwoCleanupsFail(ExitStack)");
    assertThat(failure).isSameAs(THROWN.get("second"));
    assertThat(failure.getSuppressed()).containsExactly(THROWN.get("first"));
  }

  @Test
  void keepsTheTestsFailurePrimary_withCleanupFailuresAttached() {
    EngineExecutionResults results = run(CleanupFailureFixture.class);

    Throwable failure = failureOf(results, "failsAndACleanupFails(ExitStack)");
    assertThat(failure).isSameAs(THROWN.get("test"));
    assertThat(failure.getSuppressed()).containsExactly(THROWN.get("cleanup"));
  }

  @Test
  void keepsTheTestsFailurePrimary_whenAnExitReplacesIt_withBothAttachedToEachOther() {
    EngineExecutionResults results = run(CleanupFailureFixture.class);

    Throwable failure = failureOf(results, "failsAndAnExitReplacesIt(ExitStack)");
    Throwable replacement = THROWN.get("replacement");
    assertThat(failure).isSameAs(THROWN.get("replaced"));
    assertThat(failure.getSuppressed()).containsExactly(replacement);
    assertThat(replacement.getSuppressed()).containsExactly(failure);
  }

  @Test
  void keepsFailingTheTest_whenAnExitSuppressesItsFailure() {
    EngineExecutionResults results = run(CleanupFailureFixture.class);
    results.testEvents().assertStatistics(s -> s.started(4).failed(4));

    Throwable failure = failureOf(results, "failsAndAnExitSuppressesIt(ExitStack)");
    assertThat(failure).isSameAs(THROWN.get("suppressed"));
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(seen("outerExit"))
        .containsExactly(new Seen("outerExit", "failsAndAnExitSuppressesIt", null));
  }

  // ---------------------------------------------------------------------------------------------
  // The async stack

  @ExtendWith({OnlyInTestKit.class, ExitStackExtension.class})
  static class AsyncFixture {
    @Test
    void completesLater(ExitStack sync, AsyncExitStack async) {
      sync.callback(() -> see("syncCleanup", "completesLater", null));
      // Completed by another thread: the extension must wait for it before the sync stack.
      async.pushAsyncCallback(
          () -> CompletableFuture.runAsync(() -> see("asyncCleanup", "completesLater", null)));
      async.pushAsyncCallback(
          () -> {
            see("asyncCleanupSecond", "completesLater", null);
            return CompletableFuture.completedFuture(null);
          });
    }

    @Test
    void asyncCleanupFails(AsyncExitStack async) {
      async.pushAsyncCallback(
          () -> CompletableFuture.failedFuture(thrown("async", new java.io.IOException("async"))));
    }
  }

  @Test
  void joinsTheAsyncStack_beforeUnwindingTheSyncStack() {
    EngineExecutionResults results = run(AsyncFixture.class);

    assertThat(log())
        .containsExactly(
            "asyncCleanupSecond:completesLater",
            "asyncCleanup:completesLater",
            "syncCleanup:completesLater");
    Throwable failure = failureOf(results, "asyncCleanupFails(AsyncExitStack)");
    assertThat(failure).isSameAs(THROWN.get("async"));
    assertThat(failure.getSuppressed()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Parallel execution

  static final int PARALLEL_TESTS = 40;
  static final int THREADS = 4;
  static final CountDownLatch STARTED = new CountDownLatch(THREADS);

  @Execution(ExecutionMode.CONCURRENT)
  @ExtendWith({OnlyInTestKit.class, ExitStackExtension.class})
  static class ParallelFixture {
    static IntStream indexes() {
      return IntStream.range(0, PARALLEL_TESTS);
    }

    @ParameterizedTest
    @MethodSource("indexes")
    void runs(int index, ExitStack stack, AsyncExitStack async) throws InterruptedException {
      String test = Integer.toString(index);
      see("test", test, stack);
      see("testAsync", test, async);
      stack.push(
          failure -> {
            see("exitSaw", test, failure);
            return false;
          });
      // The first THREADS invocations wait for each other: they really run at the same time.
      STARTED.countDown();
      see("overlapped", test, STARTED.await(30, TimeUnit.SECONDS));
      if (index % 2 == 1) {
        throw thrown("parallel" + test, new AssertionError(test));
      }
    }
  }

  @Test
  void givesEachConcurrentTestItsOwnStack_andItsOwnFailure() {
    EngineExecutionResults results =
        run(
            ParallelFixture.class,
            Map.of(
                "junit.jupiter.execution.parallel.enabled",
                "true",
                "junit.jupiter.execution.parallel.config.strategy",
                "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism",
                Integer.toString(THREADS)));

    results
        .testEvents()
        .assertStatistics(s -> s.started(PARALLEL_TESTS).succeeded(PARALLEL_TESTS / 2));
    assertThat(seen("overlapped")).extracting(Seen::value).containsOnly(true);
    assertThat(distinct(values("test"))).hasSize(PARALLEL_TESTS);
    assertThat(distinct(values("testAsync"))).hasSize(PARALLEL_TESTS);
    List<Seen> exits = seen("exitSaw");
    assertThat(exits).hasSize(PARALLEL_TESTS);
    for (Seen exit : exits) {
      int index = Integer.parseInt(exit.test());
      if (index % 2 == 1) {
        assertThat(exit.value()).isSameAs(THROWN.get("parallel" + exit.test()));
      } else {
        assertThat(exit.value()).isNull();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void runsNoFixture_outsideTheTestKit() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(FailureFixture.class))
            .execute();

    results.containerEvents().assertStatistics(s -> s.skipped(1));
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  private static Object only(String where, String test) {
    List<Object> values =
        SEEN.stream()
            .filter(s -> s.where().equals(where) && s.test().equals(test))
            .map(Seen::value)
            .collect(Collectors.toList());
    assertThat(values).as("%s of %s", where, test).hasSize(1);
    return values.get(0);
  }

  private static List<Object> values(String where) {
    List<Object> values = new ArrayList<>();
    for (Seen s : seen(where)) {
      values.add(s.value());
    }
    return values;
  }

  private static Set<Object> distinct(List<Object> values) {
    Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(values);
    return set;
  }
}
