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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.contextlib4j.CPythonFakes.TestExit;
import org.contextlib4j.CPythonFakes.TestManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every exit stack shares, run against each stack through a small synchronous
 * adapter: CPython's {@code TestBaseExitStack}, which {@code TestExitStack} runs on {@code
 * ExitStack} and {@code TestAsyncExitStack} on {@code AsyncExitStack} through its blocking {@code
 * SyncAsyncExitStack}. Subclasses say how to make a {@link StackUnderTest}.
 *
 * <p>The first part ports {@code TestBaseExitStack} test by test ({@code // CPython:} comments);
 * the second runs the numbered rules of the exception contract (see {@link ExitStack}). Python's
 * {@code with stack: block} is {@link #with}: enter, block, then exit with the block's outcome, as
 * Python expands the statement. Exceptions are asserted by identity and suppressed lists exactly.
 */
abstract class ExitStackContract {

  /** An exit stack seen through {@link ExitStack}'s synchronous API. */
  interface StackUnderTest {
    /** {@return the stack itself} */
    Object self();

    /** Python's {@code __enter__}: {@return what the stack enters to} */
    Object enter();

    <T extends @Nullable Object> T enterContext(ContextManager<T> manager);

    ExitHandler push(ExitHandler handler);

    <T extends @Nullable Object> ContextManager<T> push(ContextManager<T> manager);

    CleanupAction callback(CleanupAction action);

    <C extends AutoCloseable> C register(C resource);

    /** {@return the stack as the interface the three share} */
    default CleanupStack cleanups() {
      return (CleanupStack) self();
    }

    /** Registers {@code inner}, a stack of the same kind, as an exception-aware exit. */
    void pushStack(StackUnderTest inner);

    StackUnderTest popAll();

    void close();

    void close(Throwable failure);

    boolean exit(@Nullable Throwable failure);
  }

  /**
   * The part of an adapter every stack shares: {@code self} and the five registrations {@link
   * AbstractExitStack} implements, forwarded as they are. Subclasses add enter, nesting, {@code
   * popAll}, close and exit, which differ between the stacks.
   */
  abstract static class Forwarding<S extends AbstractExitStack> implements StackUnderTest {
    final S stack;

    Forwarding(S stack) {
      this.stack = stack;
    }

    @Override
    public Object self() {
      return stack;
    }

    @Override
    public <T extends @Nullable Object> T enterContext(ContextManager<T> manager) {
      return stack.enterContext(manager);
    }

    @Override
    public ExitHandler push(ExitHandler handler) {
      return stack.push(handler);
    }

    @Override
    public <T extends @Nullable Object> ContextManager<T> push(ContextManager<T> manager) {
      return stack.push(manager);
    }

    @Override
    public CleanupAction callback(CleanupAction action) {
      return stack.callback(action);
    }

    @Override
    public <C extends AutoCloseable> C register(C resource) {
      return stack.register(resource);
    }
  }

  /** {@return a new, empty stack under test} */
  abstract StackUnderTest newStack();

  /** A with-block: runs with the stack, may throw anything. */
  @FunctionalInterface
  interface Block {
    void run(StackUnderTest stack) throws Exception;
  }

  /** Python's {@code with stack: block}: the exit sees the block's exception, true swallows it. */
  static void with(StackUnderTest stack, Block block) {
    assertThat(stack.enter()).isSameAs(stack.self());
    try {
      block.run(stack);
    } catch (Throwable t) {
      if (!stack.exit(t)) {
        throw sneaky(t);
      }
      return;
    }
    stack.exit(null);
  }

  @SuppressWarnings("unchecked")
  static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }

    Boom(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static final class CheckedBoom extends Exception {
    private static final long serialVersionUID = 1L;

    CheckedBoom(String message) {
      super(message);
    }
  }

  static final class Fatal extends Error {
    private static final long serialVersionUID = 1L;

    Fatal(String message) {
      super(message);
    }
  }

  /** What each cleanup saw, in the order they ran (one cleanup at a time, so a plain list). */
  final List<String> log = new ArrayList<>();

  private static String label(@Nullable Throwable t) {
    return t == null ? "none" : String.valueOf(t.getMessage());
  }

  ExitHandler exit(String id, boolean suppress) {
    return failure -> {
      log.add(id + " saw " + label(failure));
      return suppress;
    };
  }

  ExitHandler throwing(String id, Throwable thrown) {
    return failure -> {
      log.add(id + " saw " + label(failure));
      throw sneaky(thrown);
    };
  }

  CleanupAction action(String id) {
    return () -> log.add(id);
  }

  AutoCloseable closeable(String id, @Nullable Exception thrown) {
    return () -> {
      log.add(id);
      if (thrown != null) {
        throw thrown;
      }
    };
  }

  // --- CPython's TestBaseExitStack ---------------------------------------------------------------

  // CPython: TestBaseExitStack.test_no_resources
  @Test
  void entersToItselfAndExitsQuietly_whenNothingIsRegistered() {
    StackUnderTest stack = newStack();

    assertThat(stack.enter()).isSameAs(stack.self());
    assertThat(stack.exit(null)).isFalse();
  }

  // CPython: TestBaseExitStack.test_callback
  @Test
  void runsEachCallbackOnceInReverseOrder_andReturnsTheAction_whenCallbacksCaptureArguments() {
    List<String> expected =
        List.of("()", "(1)", "(1, 2)", "(example=1)", "(1, example=1)", "(1, 2, example=1)");
    List<String> result = new ArrayList<>();

    with(
        newStack(),
        stack -> {
          for (int i = expected.size() - 1; i >= 0; i--) {
            String args = expected.get(i);
            CleanupAction action = () -> result.add(args);
            assertThat(stack.callback(action)).isSameAs(action);
          }
          assertThat(result).isEmpty();
        });

    assertThat(result).isEqualTo(expected);
  }

  // CPython: TestBaseExitStack.test_push
  @Test
  void pushedExitsSeeTheExceptionInFlight_untilOneSuppressesIt_andPushedManagersAreNotEntered() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit expectOk = TestExit.normal();
    TestManager managerExpectOk = TestManager.normal();
    TestExit suppress = TestExit.suppressing();
    TestManager managerExpectExc = TestManager.normal();
    TestExit expectExc1 = TestExit.normal();
    TestExit expectExc2 = TestExit.normal();

    with(
        newStack(),
        stack -> {
          assertThat(stack.push(expectOk)).isSameAs(expectOk);
          assertThat(stack.push(managerExpectOk)).isSameAs(managerExpectOk);
          assertThat(stack.push(suppress)).isSameAs(suppress);
          assertThat(stack.push(managerExpectExc)).isSameAs(managerExpectExc);
          assertThat(stack.push(expectExc1)).isSameAs(expectExc1);
          assertThat(stack.push(expectExc2)).isSameAs(expectExc2);
          throw zde;
        });

    assertThat(expectExc2.seen()).containsExactly(zde);
    assertThat(expectExc1.seen()).containsExactly(zde);
    assertThat(managerExpectExc.seen()).containsExactly(zde);
    assertThat(suppress.seen()).containsExactly(zde);
    assertThat(managerExpectOk.seen()).containsExactly((Throwable) null);
    assertThat(expectOk.seen()).containsExactly((Throwable) null);
    assertThat(managerExpectOk.enters()).isZero();
    assertThat(managerExpectExc.enters()).isZero();
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestBaseExitStack.test_enter_context
  @Test
  void entersTheManagerNow_andExitsItBeforeEarlierCallbacks_whenEnteredAfterThem() {
    List<Integer> result = new ArrayList<>();
    ContextManager<String> cm =
        new ContextManager<>() {
          @Override
          public String enter() {
            result.add(1);
            return "entered";
          }

          @Override
          public boolean exit(@Nullable Throwable failure) {
            result.add(3);
            return false;
          }
        };

    with(
        newStack(),
        stack -> {
          stack.callback(() -> result.add(4)); // registered first => cleaned up last
          assertThat(stack.enterContext(cm)).isEqualTo("entered");
          result.add(2);
        });

    assertThat(result).containsExactly(1, 2, 3, 4);
  }

  // CPython: TestBaseExitStack.test_enter_context_errors
  // Python's TypeError for objects that are not managers is a compile error in Java; the remaining
  // invalid argument is null (rule 5): rejected with a named NPE, nothing registered.
  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void rejectsNullAndRegistersNothing_whenARegistrationArgumentIsNull() {
    StackUnderTest stack = newStack();
    stack.callback(action("sentinel"));

    assertThatNullPointerException()
        .isThrownBy(() -> stack.enterContext((ContextManager<?>) null))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.push((ExitHandler) null))
        .withMessage("handler cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.push((ContextManager<?>) null))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.callback((CleanupAction) null))
        .withMessage("action cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.register((AutoCloseable) null))
        .withMessage("resource cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.close((Throwable) null))
        .withMessage("failure cannot be null");

    assertThatCode(stack::close).doesNotThrowAnyException();
    assertThat(log).containsExactly("sentinel");
  }

  // CPython: TestBaseExitStack.test_close
  @Test
  void runsCallbacksImmediatelyAndOnlyOnce_whenClosedInsideTheBlock() {
    List<Integer> result = new ArrayList<>();

    with(
        newStack(),
        stack -> {
          stack.callback(() -> result.add(1));
          stack.close();
          result.add(2);
        });

    assertThat(result).containsExactly(1, 2);
  }

  // CPython: TestBaseExitStack.test_pop_all
  @Test
  void movesCallbacksToTheNewStack_whenPopAllIsCalled() {
    List<Integer> result = new ArrayList<>();
    List<StackUnderTest> newStack = new ArrayList<>();

    with(
        newStack(),
        stack -> {
          stack.callback(() -> result.add(3));
          newStack.add(stack.popAll());
          result.add(1);
        });
    result.add(2);
    newStack.get(0).close();

    assertThat(result).containsExactly(1, 2, 3);
  }

  // CPython: TestBaseExitStack.test_exit_raise
  @Test
  void rethrowsTheBodyException_whenTheExitReturnsFalse() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit exit = TestExit.normal();

    assertThatThrownBy(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.push(exit);
                      throw zde;
                    }))
        .isSameAs(zde);

    assertThat(exit.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestBaseExitStack.test_exit_suppress
  @Test
  void swallowsTheBodyException_whenTheExitReturnsTrue() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit exit = TestExit.suppressing();

    assertThatCode(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.push(exit);
                      throw zde;
                    }))
        .doesNotThrowAnyException();

    assertThat(exit.seen()).containsExactly(zde);
  }

  // CPython: TestBaseExitStack.test_exit_exception_traceback
  // Differs on purpose (rule 4): the failing plain callback is attached to the body's exception.
  @Test
  void keepsTheBodyExceptionAndAttachesTheCallbackFailure_whenACallbackThrows() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    IllegalArgumentException valueError = new IllegalArgumentException("callback");

    assertThatThrownBy(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw valueError;
                          });
                      throw zde;
                    }))
        .isSameAs(zde);

    assertThat(zde.getSuppressed()).containsExactly(valueError);
    assertThat(valueError.getSuppressed()).isEmpty();
  }

  // CPython: TestBaseExitStack.test_exit_exception_chaining
  // Differs on purpose (rule 4); see ExitStackTest for what CPython does instead.
  @Test
  void attachesCallbackFailuresToTheExceptionInFlight_whenCallbacksAndASuppressingExitAreMixed() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    IllegalArgumentException valueError = new IllegalArgumentException("value");
    IllegalStateException attributeError = new IllegalStateException("attribute");
    NoSuchElementException keyError = new NoSuchElementException("key");
    IndexOutOfBoundsException indexError = new IndexOutOfBoundsException("index");
    TestExit suppressExc = TestExit.suppressing();

    assertThatThrownBy(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw indexError;
                          });
                      stack.callback(
                          () -> {
                            throw keyError;
                          });
                      stack.callback(
                          () -> {
                            throw attributeError;
                          });
                      stack.push(suppressExc);
                      stack.callback(
                          () -> {
                            throw valueError;
                          });
                      throw zde;
                    }))
        .isSameAs(attributeError);

    assertThat(attributeError.getSuppressed()).containsExactly(keyError, indexError);
    assertThat(keyError.getSuppressed()).isEmpty();
    assertThat(indexError.getSuppressed()).isEmpty();
    assertThat(suppressExc.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).containsExactly(valueError);
    assertThat(valueError.getSuppressed()).isEmpty();
  }

  // CPython: TestBaseExitStack.test_exit_exception_non_suppressing (bpo-19092)
  @Test
  void throwsTheLastCallbackFailure_whenNoLaterExitSuppressesIt() {
    IndexOutOfBoundsException indexError = new IndexOutOfBoundsException("index");

    assertThatThrownBy(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.callback(() -> {});
                      stack.callback(
                          () -> {
                            throw indexError;
                          });
                    }))
        .isSameAs(indexError);
    assertThat(indexError.getSuppressed()).isEmpty();

    NoSuchElementException keyError = new NoSuchElementException("key");
    IndexOutOfBoundsException indexError2 = new IndexOutOfBoundsException("index 2");
    TestExit suppressExc = TestExit.suppressing();

    assertThatThrownBy(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw keyError;
                          });
                      stack.push(suppressExc);
                      stack.callback(
                          () -> {
                            throw indexError2;
                          });
                    }))
        .isSameAs(keyError);
    assertThat(suppressExc.seen()).containsExactly(indexError2);
    assertThat(keyError.getSuppressed()).isEmpty();
  }

  // CPython: TestBaseExitStack.test_exit_exception_with_existing_context (bpo-20317)
  // Differs on purpose (rule 4); see ExitStackTest for what CPython does instead.
  @Test
  void keepsTheBodyExceptionAndEachFailureWithItsOwnChain_whenCallbacksThrowChainedExceptions() {
    Exception exc1 = new Exception("1");
    Exception exc2 = new Exception("2");
    Exception exc3 = new Exception("3", exc2);
    Exception exc4 = new Exception("4");
    Exception exc5 = new Exception("5", exc4);

    assertThatThrownBy(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw exc5;
                          });
                      stack.callback(
                          () -> {
                            throw exc3;
                          });
                      throw exc1;
                    }))
        .isSameAs(exc1);

    assertThat(exc1.getSuppressed()).containsExactly(exc3, exc5);
    assertThat(exc3.getCause()).isSameAs(exc2);
    assertThat(exc5.getCause()).isSameAs(exc4);
    assertThat(exc3.getSuppressed()).isEmpty();
    assertThat(exc5.getSuppressed()).isEmpty();
    assertThat(exc1.getCause()).isNull();
  }

  // CPython: TestBaseExitStack.test_body_exception_suppress
  @Test
  void exitReturnsTrue_whenAPushedExitSuppressesTheGivenException() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit suppressExc = TestExit.suppressing();
    StackUnderTest stack = newStack();
    stack.push(suppressExc);

    assertThat(stack.exit(zde)).isTrue();

    assertThat(suppressExc.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestBaseExitStack.test_exit_exception_chaining_suppress
  @Test
  void completesNormally_whenTheOldestExitSuppressesFailuresOfLaterExits() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    NoSuchElementException keyError = new NoSuchElementException("key");
    TestExit suppress = TestExit.suppressing();
    TestExit throwsZde = TestExit.throwing(zde);
    TestExit throwsKey = TestExit.throwing(keyError);

    assertThatCode(
            () ->
                with(
                    newStack(),
                    stack -> {
                      stack.push(suppress);
                      stack.push(throwsZde);
                      stack.push(throwsKey);
                    }))
        .doesNotThrowAnyException();

    assertThat(throwsKey.seen()).containsExactly((Throwable) null);
    assertThat(throwsZde.seen()).containsExactly(keyError);
    assertThat(suppress.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).containsExactly(keyError);
  }

  // CPython: TestBaseExitStack.test_excessive_nesting
  @Test
  void runsEveryCallbackInReverseOrder_whenTenThousandAreRegistered() {
    int count = 10_000;
    List<Integer> ran = new ArrayList<>();

    with(
        newStack(),
        stack -> {
          for (int i = 0; i < count; i++) {
            int index = i;
            stack.callback(() -> ran.add(index));
          }
        });

    assertThat(ran).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(ran.get(i)).isEqualTo(count - 1 - i);
    }
  }

  // --- the exception rule ----------------------------------------------------------------------

  // Rule 1
  @Test
  void closesInReverseOrderOfRegistration_whateverTheKindOfEntry() {
    StackUnderTest stack = newStack();
    stack.callback(action("a"));
    stack.push(exit("b", false));
    stack.register(closeable("c", null));
    TestManager manager = TestManager.normal();
    assertThat(stack.enterContext(manager)).isSameAs(manager);
    stack.callback(action("d"));

    stack.close();

    assertThat(log).containsExactly("d", "c", "b saw none", "a");
    assertThat(manager.enters()).isEqualTo(1);
    assertThat(manager.seen()).containsExactly((Throwable) null);
  }

  // Rule 1
  @Test
  void runsEveryCleanupOnce_whenOthersThrow_errorsIncluded() {
    StackUnderTest stack = newStack();
    Fatal fatal = new Fatal("b-x");
    stack.callback(action("a"));
    stack.push(throwing("b", fatal));
    stack.register(closeable("c", new CheckedBoom("c-x")));
    stack.callback(
        () -> {
          log.add("d");
          throw new StackOverflowError("d-x");
        });

    Throwable thrown = catchThrowable(stack::close);

    assertThat(log).containsExactly("d", "c", "b saw d-x", "a");
    assertThat(thrown).isSameAs(fatal);
    stack.close();
    assertThat(log).hasSize(4);
  }

  // Rule 1
  @Test
  void eachExitSeesTheExceptionAsLeftByTheExitsThatRanBefore() {
    StackUnderTest stack = newStack();
    stack.push(exit("outer", false));
    stack.push(exit("afterSuppress", false));
    stack.push(exit("suppressor", true));
    stack.push(exit("afterReplace", false));
    stack.push(throwing("replacer", new Boom("new")));
    stack.push(exit("inner", false));

    assertThat(stack.exit(new Boom("body"))).isTrue();

    assertThat(log)
        .containsExactly(
            "inner saw body",
            "replacer saw body",
            "afterReplace saw new",
            "suppressor saw new",
            "afterSuppress saw none",
            "outer saw none");
  }

  // Rule 2
  @Test
  void closeWithAFailureReturnsNormally_whenAnExitSuppressesIt_andLaterExitsSeeNull() {
    StackUnderTest stack = newStack();
    stack.push(exit("outer", false));
    stack.push(exit("suppressor", true));

    assertThatCode(() -> stack.close(new Boom("body"))).doesNotThrowAnyException();

    assertThat(log).containsExactly("suppressor saw body", "outer saw none");
  }

  // Rule 2
  @Test
  void exitReturnsFalse_whenNothingWasGivenEvenIfAnExitReturnsTrue() {
    StackUnderTest stack = newStack();
    stack.push(exit("s", true));

    assertThat(stack.exit(null)).isFalse();
  }

  // Rule 2
  @Test
  void exitReturnsFalseAndAttachesNothing_whenTheGivenExceptionIsNotSuppressed() {
    StackUnderTest stack = newStack();
    stack.push(exit("p", false));
    Boom body = new Boom("body");

    assertThat(stack.exit(body)).isFalse();

    assertThat(body.getSuppressed()).isEmpty();
  }

  // Rule 2
  @Test
  void exitThrowsTheLaterFailureAlone_whenTheGivenExceptionWasSuppressedFirst() {
    StackUnderTest stack = newStack();
    Boom late = new Boom("late");
    stack.push(throwing("t", late));
    stack.push(exit("s", true));

    assertThatThrownBy(() -> stack.exit(new Boom("body"))).isSameAs(late);

    assertThat(late.getSuppressed()).isEmpty();
  }

  // Rule 3
  @Test
  void replacementPropagates_withTheReplacedExceptionAttached() {
    StackUnderTest stack = newStack();
    Boom y = new Boom("y");
    stack.push(throwing("r", y));
    Boom x = new Boom("x");

    assertThatThrownBy(() -> stack.close(x)).isSameAs(y);

    assertThat(y.getSuppressed()).containsExactly(x);
    assertThat(x.getSuppressed()).isEmpty();
  }

  // Rule 3
  @Test
  void replacementAttachesNothing_whenTheReplacedExceptionIsItsCause() {
    StackUnderTest stack = newStack();
    Boom x = new Boom("x");
    Boom y = new Boom("y", x);
    stack.push(throwing("r", y));

    assertThatThrownBy(() -> stack.close(x)).isSameAs(y);

    assertThat(y.getSuppressed()).isEmpty();
  }

  // Rule 3
  @Test
  void rethrowingTheExceptionInFlight_isNoReplacement() {
    StackUnderTest stack = newStack();
    stack.push(
        failure -> {
          throw sneaky(failure == null ? new Boom("none") : failure);
        });
    Boom x = new Boom("x");

    assertThat(stack.exit(x)).isFalse();

    assertThat(x.getSuppressed()).isEmpty();
  }

  // Rule 3; issue 11: the cycle wrapper -> root -> wrapper is closed rather than the wrapper lost
  // (CPython keeps it too, as root.__context__).
  @Test
  void replacementKeepsTheExceptionInFlight_whenAnExitThrowsItsCause() {
    StackUnderTest stack = newStack();
    Boom root = new Boom("root");
    stack.push(
        failure -> {
          Throwable cause = failure == null ? null : failure.getCause();
          throw sneaky(cause == null ? new Boom("none") : cause);
        });
    Boom wrapper = new Boom("wrapper", root);

    assertThatThrownBy(() -> stack.close(wrapper)).isSameAs(root);

    assertThat(root.getSuppressed()).containsExactly(wrapper);
  }

  // Rule 3
  @Test
  void replacementsChain_eachAttachedToTheOneThatReplacedIt() {
    StackUnderTest stack = newStack();
    Boom second = new Boom("second");
    Boom first = new Boom("first");
    stack.push(throwing("outer", second));
    stack.push(throwing("inner", first));
    Boom body = new Boom("body");

    assertThatThrownBy(() -> stack.close(body)).isSameAs(second);

    assertThat(second.getSuppressed()).containsExactly(first);
    assertThat(first.getSuppressed()).containsExactly(body);
  }

  // Rule 3
  @Test
  void checkedExceptionsPropagateAsTheSameInstance_whenAnExitThrowsOne() {
    StackUnderTest stack = newStack();
    CheckedBoom y = new CheckedBoom("y");
    stack.push(throwing("r", y));

    assertThatThrownBy(stack::close).isSameAs(y);
  }

  // Rule 4
  @Test
  void failingCloseIsAttachedToTheExceptionInFlight() {
    StackUnderTest stack = newStack();
    CheckedBoom closeFailure = new CheckedBoom("close");
    stack.register(closeable("c", closeFailure));
    Boom x = new Boom("x");

    assertThatThrownBy(() -> stack.close(x)).isSameAs(x);

    assertThat(x.getSuppressed()).containsExactly(closeFailure);
  }

  // Rule 4
  @Test
  void failingCleanupBecomesTheExceptionInFlight_whenNothingIsInFlight() {
    StackUnderTest stack = newStack();
    stack.push(exit("outer", false));
    Boom failure = new Boom("cb");
    stack.callback(
        () -> {
          throw failure;
        });

    assertThatThrownBy(stack::close).isSameAs(failure);

    assertThat(log).containsExactly("outer saw cb");
  }

  // Rule 4 (CPython gh-102201 loses the earlier ones; every one is kept)
  @Test
  void everyFailureIsReachable_whenSeveralCleanupsFail() {
    StackUnderTest stack = newStack();
    Boom a = new Boom("a");
    Boom b = new Boom("b");
    Boom c = new Boom("c");
    for (Boom failure : List.of(a, b, c)) {
      stack.callback(
          () -> {
            throw failure;
          });
    }

    assertThatThrownBy(stack::close).isSameAs(c);

    assertThat(c.getSuppressed()).containsExactly(b, a);
  }

  // Rule 4
  @Test
  void closeRethrowingTheExceptionInFlight_isNotAttachedToItself() {
    StackUnderTest stack = newStack();
    Boom x = new Boom("x");
    stack.register(
        () -> {
          throw x;
        });

    assertThatThrownBy(() -> stack.close(x)).isSameAs(x);

    assertThat(x.getSuppressed()).isEmpty();
  }

  // Rule 5
  @Test
  void enterContextRegistersNothing_whenEnterThrows() {
    StackUnderTest stack = newStack();
    CheckedBoom enterFailure = new CheckedBoom("enter");
    ContextManager<String> failing =
        new ContextManager<>() {
          @Override
          public String enter() throws CheckedBoom {
            throw enterFailure;
          }

          @Override
          public boolean exit(@Nullable Throwable failure) {
            log.add("exit must not run");
            return false;
          }
        };

    assertThatThrownBy(() -> stack.enterContext(failing)).isSameAs(enterFailure);
    stack.close();

    assertThat(log).isEmpty();
  }

  // Rule 6
  @Test
  void popAllMovesEveryCleanup_andLeavesAnEmptyUsableStack() {
    StackUnderTest stack = newStack();
    stack.callback(action("a"));
    stack.callback(action("b"));

    StackUnderTest moved = stack.popAll();
    stack.close();
    assertThat(log).isEmpty();
    stack.callback(action("c"));
    stack.close();
    assertThat(log).containsExactly("c");
    moved.close();

    assertThat(log).containsExactly("c", "b", "a");
  }

  // Rule 6
  @Test
  void closeIsIdempotent_andTheStackIsReusable() {
    StackUnderTest stack = newStack();
    stack.callback(action("a"));

    stack.close();
    stack.close();
    assertThat(log).containsExactly("a");
    stack.callback(action("b"));
    stack.close();

    assertThat(log).containsExactly("a", "b");
  }

  // Rule 6
  @Test
  void cleanupsRegisteredWhileUnwinding_runToo_inLifoOrder() {
    StackUnderTest stack = newStack();
    stack.callback(action("first-registered"));
    stack.callback(
        () -> {
          log.add("registrar");
          stack.callback(action("late-1"));
          stack.callback(action("late-2"));
        });

    stack.close();

    assertThat(log).containsExactly("registrar", "late-2", "late-1", "first-registered");
  }

  // Rule 6. Issue 13: popAll() from a running cleanup used to take the remaining cleanups out of
  // the unwinding (CPython does the same), and they ran only if that cleanup closed what it got.
  @Test
  void popAllWhileUnwinding_throwsIllegalStateException_andTheRemainingCleanupsStillRun() {
    StackUnderTest stack = newStack();
    stack.callback(action("first-registered"));
    stack.callback(
        () -> {
          log.add("popping");
          stack.popAll();
          log.add("popped");
        });
    stack.callback(action("last-registered"));

    Throwable thrown = catchThrowable(stack::close);

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("popAll() called while the")
        .hasMessageContaining("unwinds");
    assertThat(log).containsExactly("last-registered", "popping", "first-registered");
  }

  // Rule 6 (issue 13): the refusal lasts only while the unwinding runs.
  @Test
  void popAllWorksAgain_afterTheUnwindingEnded_evenWhenItWasRefusedDuringIt() {
    StackUnderTest stack = newStack();
    stack.callback(stack::popAll);
    assertThat(catchThrowable(stack::close)).isInstanceOf(IllegalStateException.class);

    StackUnderTest reused = reusableOrNew(stack);
    reused.callback(action("moved"));
    StackUnderTest moved = reused.popAll();
    reused.close();
    assertThat(log).isEmpty();
    moved.close();

    assertThat(log).containsExactly("moved");
  }

  // Rule 6 (issue 13): a stack unwound in place by an outer one is being unwound too.
  @Test
  void popAllOfANestedStack_fromItsOwnCleanupWhileTheOuterUnwindsIt_throws() {
    StackUnderTest outer = newStack();
    StackUnderTest inner = newStack();
    outer.callback(action("outer"));
    outer.pushStack(inner);
    inner.callback(action("inner-older"));
    inner.callback(inner::popAll);

    Throwable thrown = catchThrowable(outer::close);

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(log).containsExactly("inner-older", "outer");
  }

  /** The stack itself if it can be used after a close, else a new one (a closed concurrent one). */
  StackUnderTest reusableOrNew(StackUnderTest closed) {
    return closed;
  }

  // --- register(value, cleanup): JavaScript's DisposableStack.adopt (issue 13) -----------------

  @Test
  void registerValue_returnsTheValue_andItsCleanupReceivesIt_inLifoOrderWithTheRest() {
    StackUnderTest stack = newStack();
    CleanupStack cleanups = stack.cleanups();
    StringBuilder value = new StringBuilder("the value");
    stack.callback(action("first"));

    StringBuilder returned = cleanups.register(value, v -> log.add("released " + v));
    stack.callback(action("last"));
    stack.close();

    assertThat(returned).isSameAs(value);
    assertThat(log).containsExactly("last", "released the value", "first");
  }

  @Test
  void registerValue_isAPlainCleanup_itsFailureIsAttachedToTheExceptionInFlight() {
    StackUnderTest stack = newStack();
    Boom releaseFailed = new Boom("release failed");
    Boom body = new Boom("body");
    stack
        .cleanups()
        .register(
            "v",
            v -> {
              throw releaseFailed;
            });

    Throwable thrown = catchThrowable(() -> stack.close(body));

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).containsExactly(releaseFailed);
  }

  @Test
  void registerValue_rejectsNulls_andRegistersNothing() {
    StackUnderTest stack = newStack();
    CleanupStack cleanups = stack.cleanups();

    assertThatNullPointerException()
        .isThrownBy(() -> cleanups.register(null, v -> log.add("ran")))
        .withMessage("value cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> cleanups.register("v", null))
        .withMessage("cleanup cannot be null");
    stack.close();

    assertThat(log).isEmpty();
  }

  @Test
  void registerValueThroughAHandle_canBeCancelled_andItsValueIsTheValue() {
    StackUnderTest stack = newStack();
    Registration<String> kept = stack.cleanups().handles().register("kept", v -> log.add(v));
    Registration<String> released = stack.cleanups().handles().register("released", log::add);

    assertThat(kept.value()).isEqualTo("kept");
    assertThat(kept.cancel()).isTrue();
    stack.close();

    assertThat(log).containsExactly("released");
    assertThat(released.isPending()).isFalse();
  }

  // Rule 7
  @Test
  void nestedStacksPassTheExceptionThrough_whenRegisteredAsExits() {
    StackUnderTest outer = newStack();
    outer.push(exit("outer", false));
    StackUnderTest inner = newStack();
    outer.pushStack(inner);
    inner.push(exit("inner-suppressor", true));

    assertThat(outer.exit(new Boom("body"))).isTrue();

    assertThat(log).containsExactly("inner-suppressor saw body", "outer saw none");
  }

  // Rule 7
  @Test
  void nestedStacksUnwindInOrder_whenTenThousandAreNested() {
    int depth = 10_000;
    List<Integer> order = new ArrayList<>();
    StackUnderTest root = newStack();
    StackUnderTest current = root;
    for (int i = 0; i < depth; i++) {
      int id = i;
      current.callback(() -> order.add(id)); // runs after everything nested inside
      StackUnderTest inner = newStack();
      current.pushStack(inner);
      current = inner;
    }

    root.close();

    assertThat(order).hasSize(depth);
    for (int i = 0; i < depth; i++) {
      assertThat(order.get(i)).isEqualTo(depth - 1 - i);
    }
  }
}
