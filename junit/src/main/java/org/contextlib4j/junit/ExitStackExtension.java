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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension.ExtensionContextScope;

/**
 * A JUnit Jupiter extension that injects an {@link ExitStack} and an {@link AsyncExitStack} into
 * test methods, lifecycle methods and constructors, and unwinds them after the test, passing the
 * test's failure to the exits. Unlike JUnit's {@code @AutoClose} and Python's {@code
 * unittest.TestCase.enterContext}, an exit registered here learns whether the test failed: a
 * transaction entered with {@link ExitStack#enterContext} rolls back when the test failed and
 * commits when it passed.
 *
 * <pre>{@code
 * @ExtendWith(ExitStackExtension.class)
 * class OrderRepositoryTest {
 *   @BeforeEach
 *   void setUp(ExitStack stack) throws Exception {
 *     server = stack.register(startServer());           // closed after the test
 *   }
 *
 *   @Test
 *   void storesOrders(ExitStack stack) throws Exception {  // the same stack as in setUp
 *     Connection c = stack.enterContext(new Transaction(dataSource));
 *     repository(c).store(order);
 *     assertThat(repository(c).count()).isEqualTo(1);   // if this fails, the transaction's exit
 *   }                                                   // sees the AssertionError
 * }
 * }</pre>
 *
 * <p>For each test, it is as if the test and its {@code @BeforeEach} and {@code @AfterEach} methods
 * ran inside {@code Contexts.run(stack, stack -> { ... })}:
 *
 * <pre>{@code
 * Throwable failure = null;
 * try {
 *   beforeEach(stack); test(stack); afterEach(stack);   // as JUnit runs them
 * } catch (Throwable t) {
 *   failure = t;
 * }
 * stack.exit(failure);                                   // LIFO; every exit sees the failure
 * }</pre>
 *
 * <h2 id="scopes">Which stack a parameter gets</h2>
 *
 * <p>A parameter of type {@link ExitStack} or {@link AsyncExitStack} (exactly those types) gets the
 * stack of the {@link ExtensionContext} it is resolved in:
 *
 * <ul>
 *   <li>one per test for a {@code @Test} method and its {@code @BeforeEach} and {@code @AfterEach}
 *       methods: all of them get the same instance within one test, and another test gets another
 *       one. On JUnit 5.12 and later the same holds for the constructor of a class with the default
 *       {@code PER_METHOD} lifecycle (this extension asks for the test-method scope of {@link
 *       org.junit.jupiter.api.extension.TestInstantiationAwareExtension}). JUnit 5.10 and 5.11
 *       resolve constructor parameters in the class's context: there such a constructor gets the
 *       class's stack, shared by every instance and unwound after {@code @AfterAll}.
 *   <li>one per invocation for a {@code @ParameterizedTest}, a {@code @RepeatedTest} and any other
 *       {@code @TestTemplate}: each invocation is a test of its own.
 *   <li>one per class for {@code @BeforeAll} and {@code @AfterAll} methods, and for the constructor
 *       of a {@code @TestInstance(PER_CLASS)} class. Each {@code @Nested} class has its own.
 *   <li>one per invocation of a class template ({@code @ParameterizedClass}, JUnit 5.13 and later)
 *       for its {@code @BeforeParameterizedClassInvocation} and
 *       {@code @AfterParameterizedClassInvocation} methods, and for the constructor of such a class
 *       with the {@code PER_CLASS} lifecycle; unwound when JUnit closes the invocation's context,
 *       at the end of the invocation. Its exits see {@code null}: JUnit keeps no failure for that
 *       context, not even that of a {@code @BeforeParameterizedClassInvocation} method. A cleanup's
 *       failure fails the invocation: an {@link Error} as is, an {@link Exception} as the cause of
 *       JUnit's {@code JUnitException("Failed to close extension context")}, since JUnit wraps what
 *       a store's {@code close()} throws.
 * </ul>
 *
 * <p>Each context has one {@link ExitStack} and one {@link AsyncExitStack}. A per-test stack is
 * unwound after the test's {@code @AfterEach} methods (in this extension's {@link
 * AfterEachCallback}, so after the {@code afterEach} callbacks of extensions registered after this
 * one, and before those registered before it); a per-class stack after the class's
 * {@code @AfterAll} methods, in the same way. The {@link AsyncExitStack} is unwound first and its
 * stages are waited for, then the {@link ExitStack}: put what the async cleanups need on the {@link
 * ExitStack}. The exception in flight is passed from the one to the other, as if the async stack
 * had been registered on the sync one.
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>The failure the exits see is the one JUnit records for the context, {@link
 * ExtensionContext#getExecutionException()}: for a per-test stack, the exception of the test or of
 * its {@code @BeforeEach} or {@code @AfterEach} methods (or an aborted assumption), for a per-class
 * stack the exception of {@code @BeforeAll} or {@code @AfterAll} methods, never that of a single
 * test. The stack then follows the library's rule, stated under "Exception semantics" on {@link
 * ExitStack}. What the test reports, in this order of precedence:
 *
 * <ol>
 *   <li>A test that failed with X keeps failing with X: X stays the primary failure, as with any
 *       exception thrown after the test method (JUnit's rule for {@code @AfterEach}).
 *       <ul>
 *         <li>A plain cleanup that fails with E is attached to X as suppressed, by the stack.
 *         <li>An exit that throws Y replaces X in the stack: the stack attaches X to Y, and this
 *             extension throws Y, which JUnit attaches to X. X and Y then refer to each other;
 *             stack traces print the second reference as {@code [CIRCULAR REFERENCE]}.
 *         <li>An exit that suppresses X (returns {@code true}) does not make the test pass: JUnit
 *             has already recorded X, and a cleanup must not turn a red test green (use {@code
 *             assertThrows} to expect an exception). The suppression still counts within the stack:
 *             the exits after it see {@code null}.
 *       </ul>
 *   <li>A test that passed fails with what the stack throws: the first failure of the unwinding
 *       (the last registered cleanup that failed), with every other failure attached to it as the
 *       library's rule says.
 *   <li>This extension never wraps an exception: checked exceptions propagate as the same instance,
 *       and an {@link AsyncExitStack}'s failures are read from its stages as the exception itself.
 *       (JUnit itself wraps an {@link Exception} from a class template invocation's cleanup: see <a
 *       href="#scopes">scopes</a>.)
 * </ol>
 *
 * <p>Two limits. A test aborted by a failed assumption is a test that failed with the {@code
 * TestAbortedException}, as above: it stays aborted, and a plain cleanup's failure is attached to
 * that exception instead of failing the test (JUnit itself would rank a failing {@code @AfterEach}
 * method above the abort). And when the constructor of a {@code PER_METHOD} class registers on the
 * test's stack and then throws, JUnit runs none of the test's callbacks: the stack is unwound when
 * JUnit closes the test's store, and its exits see {@code null}, not the constructor's failure.
 *
 * <p>Unlike Python's {@code unittest.TestCase.enterContext} and {@code addCleanup}, whose cleanups
 * never learn about the failure, and unlike JUnit's {@code @AutoClose}, which calls {@code close()}
 * only.
 *
 * <h2 id="versions">JUnit versions</h2>
 *
 * <p>This extension runs on JUnit Jupiter 5.10 through 6.x (it needs Java 17, like the rest of
 * contextlib4j). It is compiled against the API of 5.10 and uses what later versions added only
 * where it is there. What differs, all stated above:
 *
 * <ul>
 *   <li>JUnit 5.10 and 5.11: the constructor of a {@code PER_METHOD} class gets the class's stacks,
 *       not the test's (<a href="#scopes">scopes</a>).
 *   <li>JUnit 5.10 to 5.12 have no class templates, so no per-invocation stacks for them.
 * </ul>
 *
 * <h2 id="threads">Threads</h2>
 *
 * <p>Instances of this extension hold no state and are thread-safe; the stacks live in the {@link
 * ExtensionContext.Store} of their context, so tests running in parallel ({@code
 * junit.jupiter.execution.parallel.enabled}) never share a per-test stack. The stacks themselves
 * are not thread-safe: a per-test stack is meant for its test's thread. A per-class stack kept in a
 * field and used by tests that run concurrently must be synchronized by the test class. The
 * per-test stacks are unwound on the test's thread; async exits may complete on any thread, and
 * this extension waits for the whole unwinding before the test ends.
 *
 * <p>Python: {@code unittest.TestCase.enterContext} (3.11), with {@code contextlib.ExitStack}.
 *
 * @since 0.1.0
 */
public final class ExitStackExtension
    implements ParameterResolver, AfterEachCallback, AfterAllCallback {

  private static final Namespace NAMESPACE = Namespace.create(ExitStackExtension.class);

  // Compiled against JUnit 5.10's API, so that nothing newer is linked by accident; that is what
  // made JUnit 5.10 fail on AfterClassTemplateInvocationCallback (5.13) and 5.14 on
  // Store.computeIfAbsent (6.0). What JUnit added later is reached only where it is there:
  // - Store.computeIfAbsent: a method handle probed once, getOrComputeIfAbsent before 6.0.
  // - getTestInstantiationExtensionContextScope (5.12): only its return type is newer. The class
  //   compiles against a stand-in of that type (src/compile-stubs, never packaged), and loads on
  //   5.10 and 5.11, which never call the method.
  // - AfterClassTemplateInvocationCallback (5.13) is not implemented: a class that implements it
  //   fails to load before 5.13, and JUnit lets no extension register another, so a separate
  //   class implementing it could not be registered only where it exists. A class template
  //   invocation's stacks are unwound when JUnit closes its store instead (Stacks is closeable).

  /**
   * {@code Store.computeIfAbsent(Object, Function, Class)}, which JUnit 6.0 added and prefers to
   * {@code getOrComputeIfAbsent} (deprecated there); null before 6.0.
   */
  private static final @Nullable MethodHandle COMPUTE_IF_ABSENT = findComputeIfAbsent();

  /** Creates the extension; JUnit calls this for {@code @ExtendWith(ExitStackExtension.class)}. */
  public ExitStackExtension() {}

  /**
   * {@return {@link ExtensionContextScope#TEST_METHOD}} A constructor of a {@code PER_METHOD} test
   * class gets the same stacks as the test it is created for. JUnit 5.12 and later call this method
   * of {@link org.junit.jupiter.api.extension.TestInstantiationAwareExtension}, which {@link
   * ParameterResolver} extends there; JUnit 5.10 and 5.11 have neither that type nor the call.
   *
   * @param rootContext the root context, for configuration parameters
   */
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /**
   * {@return whether the parameter's type is exactly {@link ExitStack} or {@link AsyncExitStack}}
   */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == ExitStack.class || type == AsyncExitStack.class;
  }

  /**
   * {@return the context's {@link ExitStack} or {@link AsyncExitStack}}, created on first use. See
   * <a href="#scopes">which stack a parameter gets</a>.
   */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Stacks stacks = stacks(extensionContext);
    return parameterContext.getParameter().getType() == ExitStack.class
        ? stacks.sync
        : stacks.async;
  }

  /**
   * Unwinds the test's stacks, if it has any, passing them the test's failure. See <a
   * href="#exceptions">exception semantics</a>.
   *
   * @param context the test's context
   */
  @Override
  public void afterEach(ExtensionContext context) {
    unwind(context);
  }

  /**
   * Unwinds the class's stacks, if it has any, passing them the failure of the class's lifecycle
   * methods. See <a href="#exceptions">exception semantics</a>.
   *
   * @param context the class's context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    unwind(context);
  }

  // The key is the context's unique id: a store also answers for its parents' keys, and a test
  // must never get its class's stack.
  private static Stacks stacks(ExtensionContext context) {
    Store store = context.getStore(NAMESPACE);
    Object key = context.getUniqueId();
    Function<Object, Stacks> create = id -> new Stacks();
    MethodHandle computeIfAbsent = COMPUTE_IF_ABSENT;
    if (computeIfAbsent == null) {
      return store.getOrComputeIfAbsent(key, create, Stacks.class);
    }
    try {
      return (Stacks) (Object) computeIfAbsent.invokeExact(store, key, create, Stacks.class);
    } catch (Throwable t) {
      throw Stacks.sneakyThrow(t);
    }
  }

  private static @Nullable MethodHandle findComputeIfAbsent() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(
              Store.class,
              "computeIfAbsent",
              MethodType.methodType(Object.class, Object.class, Function.class, Class.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static void unwind(ExtensionContext context) {
    Stacks stacks = context.getStore(NAMESPACE).get(context.getUniqueId(), Stacks.class);
    if (stacks == null) {
      return;
    }
    Throwable failure = context.getExecutionException().orElse(null);
    Throwable out = stacks.unwind(failure);
    // out == failure: JUnit already holds it, with the cleanups' failures attached by the stack.
    // out == null with a failure: suppressed in the stack, but the test keeps failing (see the
    // exception semantics).
    if (out != null && out != failure) {
      throw Stacks.sneakyThrow(out);
    }
  }

  /**
   * One context's stacks. Both are registered on a private root stack, the async one last, so that
   * one unwinding runs the async stack and then the sync one with the library's rule between them.
   * Stored as an {@link AutoCloseable} and a {@link Store.CloseableResource}: if JUnit closes the
   * store with entries left (registered after the callback ran, or on a class template invocation's
   * stacks, which no callback unwinds), they are unwound then. JUnit before 5.13 closes a {@code
   * CloseableResource} only; from 5.13 on it closes an {@code AutoCloseable}, or the {@code
   * CloseableResource} if {@code junit.jupiter.extensions.store.close.autocloseable.enabled} is
   * false; never both.
   */
  static final class Stacks implements AutoCloseable, Store.CloseableResource {
    private final AsyncExitStack root = new AsyncExitStack();
    final ExitStack sync = new ExitStack();
    final AsyncExitStack async = new AsyncExitStack();

    Stacks() {
      root.push(sync);
      root.pushAsyncExit(async);
    }

    /**
     * Unwinds everything and waits for it. Returns the exception in flight at the end: {@code
     * failure} itself, another one, or null if none or suppressed. Only the first call does
     * anything; the stacks are then empty.
     */
    @Nullable Throwable unwind(@Nullable Throwable failure) {
      try {
        return unwindOnce(failure);
      } finally {
        // The unwinding took both stacks off the root: put them back, so that what is registered
        // on them later (by a callback that runs after this extension's) still runs at close.
        root.push(sync);
        root.pushAsyncExit(async);
      }
    }

    private @Nullable Throwable unwindOnce(@Nullable Throwable failure) {
      CompletableFuture<@Nullable Throwable> outcome =
          root.exitAsync(failure)
              .toCompletableFuture()
              .handle(
                  (suppressed, thrown) -> {
                    if (thrown != null) {
                      return unwrap(thrown);
                    }
                    return suppressed ? null : failure;
                  });
      return outcome.join();
    }

    /** The last unwinding, when JUnit closes the store: the root stays empty afterwards. */
    @Override
    public void close() {
      Throwable out = unwindOnce(null);
      if (out != null) {
        throw sneakyThrow(out);
      }
    }

    private static Throwable unwrap(Throwable thrown) {
      Throwable cause = thrown.getCause();
      return thrown instanceof CompletionException && cause != null ? cause : thrown;
    }

    /** Throws {@code t} as is, checked or not, without declaring it; never returns. */
    static RuntimeException sneakyThrow(Throwable t) {
      Stacks.<RuntimeException>throwAs(t);
      throw new AssertionError("unreachable");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwAs(Throwable t) throws T {
      throw (T) t;
    }
  }
}
