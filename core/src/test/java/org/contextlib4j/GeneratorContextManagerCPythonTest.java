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
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CPython's {@code ContextManagerTestCase} ({@code @contextmanager}) and the generator-based tests
 * of {@code TestExitStack}, ported to {@link Contexts#contextManager}. Python's generator function
 * is a {@link GeneratorBody}, its {@code yield} is {@code y.yield(value)}.
 *
 * <p>Most tests run in every {@link Mode}: callback mode ({@link Contexts#with}, the with-block
 * runs inside the yield on the caller's thread) and split mode ({@code enter()} and {@code exit()}
 * called separately, the body runs on a helper thread), both through an {@link ExitStack} and by
 * hand as Python expands a {@code with} statement.
 *
 * <p>Python exception types map to Java ones as in {@link ExitStackTest} (ZeroDivisionError to
 * ArithmeticException, RuntimeError to IllegalStateException, TypeError to
 * IllegalArgumentException, IndexError to IndexOutOfBoundsException); StopIteration, which only
 * generators give a meaning, maps to NoSuchElementException, the exception that ends a Java
 * iteration and that has no special meaning here. Unlike Python, Java chains nothing implicitly:
 * where CPython checks the {@code __context__} set by a {@code raise} inside an {@code except}
 * clause, the Java body attaches the exception itself ({@code addSuppressed}) or the test checks
 * that nothing was attached, by the body or by the library.
 */
// Split mode hands control between threads: a lost hand-off must fail the test, not hang it (a
// separate thread, since an interrupted caller still waits for the body).
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GeneratorContextManagerCPythonTest {

  /** A with-block: receives what the manager's enter returned. */
  @FunctionalInterface
  interface Block<T extends @Nullable Object> {
    @Nullable Object apply(T value) throws Exception;
  }

  /** How a with statement is run. */
  enum Mode {
    /** {@code Contexts.with}: the with-block runs inside the yield, on the caller's thread. */
    CALLBACK {
      @Override
      <T extends @Nullable Object> @Nullable Object with(ContextManager<T> manager, Block<T> block)
          throws Exception {
        return Contexts.with(manager, block::apply);
      }
    },
    /**
     * Split mode through {@code stack.enterContext} inside {@code Contexts.with(new ExitStack())}.
     */
    EXIT_STACK {
      @Override
      <T extends @Nullable Object> @Nullable Object with(ContextManager<T> manager, Block<T> block)
          throws Exception {
        return Contexts.with(new ExitStack(), stack -> block.apply(stack.enterContext(manager)));
      }
    },
    /** Split mode by hand: {@code enter()}, the block, {@code exit(failure)}, as Python expands. */
    ENTER_EXIT {
      @Override
      <T extends @Nullable Object> @Nullable Object with(ContextManager<T> manager, Block<T> block)
          throws Exception {
        T value = manager.enter();
        Object result;
        try {
          result = block.apply(value);
        } catch (Throwable failure) {
          if (!manager.exit(failure)) {
            throw failure;
          }
          return null;
        }
        manager.exit(null);
        return result;
      }
    };

    /**
     * Python's {@code with manager as value: block}; null if the block's exception was suppressed.
     */
    abstract <T extends @Nullable Object> @Nullable Object with(
        ContextManager<T> manager, Block<T> block) throws Exception;

    /**
     * Nests {@code managers}, the first outermost, around {@code block}: in one {@link ExitStack}
     * in {@link #EXIT_STACK} mode (as CPython's ExitStack tests do), else as nested with
     * statements.
     */
    void nest(List<ContextManager<?>> managers, Block<@Nullable Object> block) throws Exception {
      if (this == EXIT_STACK) {
        Contexts.run(
            new ExitStack(),
            stack -> {
              for (ContextManager<?> manager : managers) {
                stack.enterContext(manager);
              }
              block.apply(null);
            });
        return;
      }
      nestFrom(0, managers, block);
    }

    private void nestFrom(
        int index, List<ContextManager<?>> managers, Block<@Nullable Object> block)
        throws Exception {
      if (index == managers.size()) {
        block.apply(null);
        return;
      }
      with(
          managers.get(index),
          value -> {
            nestFrom(index + 1, managers, block);
            return null;
          });
    }
  }

  private static final class RuntimeErrorSubclass extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RuntimeErrorSubclass(int value) {
      super(Integer.toString(value));
    }
  }

  private static final class StopIterationSubclass extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    StopIterationSubclass(String message) {
      super(message);
    }
  }

  /** Python's SyntaxError in test_contextmanager_non_normalised; checked, to cross the body. */
  private static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
  }

  // --- ContextManagerTestCase
  // ---------------------------------------------------------------------

  // CPython: ContextManagerTestCase.test_contextmanager_plain
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void runsSetupBeforeAndTeardownAfterTheBlock_andEntersToTheYieldedValue(Mode mode)
      throws Exception {
    List<Object> state = new ArrayList<>();
    ContextManager<Integer> woohoo =
        Contexts.contextManager(
            y -> {
              state.add(1);
              y.yield(42);
              state.add(999);
            });

    Object result =
        mode.with(
            woohoo,
            x -> {
              assertThat(state).containsExactly(1);
              assertThat(x).isEqualTo(42);
              state.add(x);
              return "result";
            });

    assertThat(state).containsExactly(1, 42, 999);
    assertThat(result).isEqualTo("result");
  }

  // CPython: ContextManagerTestCase.test_contextmanager_finally
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void runsTheFinallyClauseAndRethrowsTheSameException_whenTheBlockThrows(Mode mode) {
    List<Object> state = new ArrayList<>();
    ContextManager<Integer> woohoo =
        Contexts.contextManager(
            y -> {
              state.add(1);
              try {
                y.yield(42);
              } finally {
                state.add(999);
              }
            });
    ArithmeticException zeroDivision = new ArithmeticException();

    assertThatThrownBy(
            () ->
                mode.with(
                    woohoo,
                    x -> {
                      assertThat(state).containsExactly(1);
                      assertThat(x).isEqualTo(42);
                      state.add(x);
                      throw zeroDivision;
                    }))
        .isSameAs(zeroDivision);
    assertThat(state).containsExactly(1, 42, 999);
    assertThat(zeroDivision.getSuppressed()).isEmpty();
  }

  // CPython: ContextManagerTestCase.test_contextmanager_traceback
  // Python checks that the traceback holds only the with-block's frame (contextlib's frames are
  // removed). A Java stack trace is fixed when the exception is made; the port checks that the
  // library leaves it untouched, in split mode too, where the exception crosses two threads. The
  // StopIteration sub-cases are the PEP 479 path, which Java does not have; the Java counterpart
  // (NoSuchElementException) is ported in test_contextmanager_except_stopiter.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void leavesTheBlockExceptionsStackTraceUntouched_whenTheBodyDoesNotCatchIt(Mode mode) {
    ContextManager<@Nullable Void> f = Contexts.contextManager(y -> y.yield(null));
    int zero = 0;

    Throwable divided = catchThrowable(() -> mode.with(f, v -> 1 / zero));

    assertThat(divided).isInstanceOf(ArithmeticException.class);
    StackTraceElement top = divided.getStackTrace()[0];
    assertThat(top.getClassName()).isEqualTo(GeneratorContextManagerCPythonTest.class.getName());
    assertThat(top.getMethodName())
        .startsWith("lambda$leavesTheBlockExceptionsStackTraceUntouched_whenTheBodyDoesNotCatchIt");

    ContextManager<@Nullable Void> f2 = Contexts.contextManager(y -> y.yield(null));
    RuntimeErrorSubclass runtimeError = new RuntimeErrorSubclass(42);
    StackTraceElement[] trace = runtimeError.getStackTrace();

    assertThatThrownBy(
            () ->
                mode.with(
                    f2,
                    v -> {
                      throw runtimeError;
                    }))
        .isSameAs(runtimeError);
    assertThat(runtimeError.getStackTrace()).isEqualTo(trace);
    assertThat(runtimeError.getSuppressed()).isEmpty();
  }

  // CPython: ContextManagerTestCase.test_contextmanager_no_reraise
  // Python calls __enter__ and __exit__ by hand: split mode. exit must report the exception by
  // returning false (it continues), not by throwing it.
  @Test
  void exitReturnsFalse_whenTheBodyLetsTheGivenExceptionThrough() throws Exception {
    ContextManager<@Nullable Void> whee = Contexts.contextManager(y -> y.yield(null));
    whee.enter();
    IllegalArgumentException typeError = new IllegalArgumentException("foo");

    assertThat(whee.exit(typeError)).isFalse();
    assertThat(typeError.getSuppressed()).isEmpty();
  }

  // CPython: ContextManagerTestCase.test_contextmanager_trap_yield_after_throw
  // Python also checks that the generator is no longer suspended (gi_suspended, a CPython detail);
  // here: its finally clause ran before the exit returned, and the code after the second yield
  // did not run.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void throwsDidNotStopAfterThrowWithTheBlockExceptionAttached_andClosesTheBody_whenItYieldsAgain(
      Mode mode) {
    List<String> events = new ArrayList<>();
    ContextManager<@Nullable Void> whoo =
        Contexts.contextManager(
            y -> {
              try {
                try {
                  y.yield(null);
                } catch (Exception e) {
                  events.add("caught");
                  y.yield(null);
                  events.add("after the second yield");
                }
              } finally {
                events.add("finally");
              }
            });
    IllegalArgumentException typeError = new IllegalArgumentException("foo");

    Throwable thrown =
        catchThrowable(
            () ->
                mode.with(
                    whoo,
                    v -> {
                      throw typeError;
                    }));

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the contextManager body called yield a second time, after the block's exception was thrown"
                + " into it (attached); a body must call yield exactly once")
        .hasNoCause();
    assertThat(thrown.getSuppressed()).containsExactly(typeError);
    assertThat(typeError.getSuppressed()).isEmpty();
    assertThat(events).containsExactly("caught", "finally");
  }

  // CPython: ContextManagerTestCase.test_contextmanager_trap_no_yield
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void enterThrowsDidNotYield_andTheBlockDoesNotRun_whenTheBodyReturnsWithoutYielding(Mode mode) {
    List<String> events = new ArrayList<>();
    ContextManager<@Nullable Void> whoo = Contexts.contextManager(y -> events.add("body"));

    Throwable thrown = catchThrowable(() -> mode.with(whoo, v -> events.add("block")));

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the contextManager body ended without calling yield; a body must call yield exactly once")
        .hasNoCause();
    assertThat(thrown.getSuppressed()).isEmpty();
    assertThat(events).containsExactly("body");
  }

  // CPython: ContextManagerTestCase.test_contextmanager_trap_second_yield
  // As test_contextmanager_trap_yield_after_throw: gi_suspended becomes "the finally clause ran".
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void exitThrowsDidNotStop_andClosesTheBody_whenTheBodyYieldsTwice(Mode mode) {
    List<String> events = new ArrayList<>();
    ContextManager<@Nullable Void> whoo =
        Contexts.contextManager(
            y -> {
              try {
                y.yield(null);
                events.add("after the first yield");
                y.yield(null);
                events.add("after the second yield");
              } finally {
                events.add("finally");
              }
            });

    Throwable thrown = catchThrowable(() -> mode.with(whoo, v -> events.add("block")));

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the contextManager body called yield a second time; a body must call yield exactly once")
        .hasNoCause();
    assertThat(thrown.getSuppressed()).isEmpty();
    assertThat(events).containsExactly("block", "after the first yield", "finally");
  }

  // CPython: ContextManagerTestCase.test_contextmanager_non_normalised
  // Python passes __exit__ an exception type without an instance ("non-normalised"); a Java exit
  // always gets an instance, so that part has no counterpart. What remains: the body's catch
  // clause replaces the exception. In CPython the SyntaxError's __context__ is the RuntimeError;
  // this body attaches nothing, and neither does the library.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void throwsWhatTheBodyThrowsInstead_andAttachesNothing_whenTheBodyCatchesTheBlockException(
      Mode mode) {
    SyntaxError syntaxError = new SyntaxError();
    ContextManager<@Nullable Void> whoo =
        Contexts.contextManager(
            y -> {
              try {
                y.yield(null);
              } catch (IllegalStateException e) {
                throw syntaxError;
              }
            });
    IllegalStateException runtimeError = new IllegalStateException();

    assertThatThrownBy(
            () ->
                mode.with(
                    whoo,
                    v -> {
                      throw runtimeError;
                    }))
        .isSameAs(syntaxError)
        .hasNoCause();
    assertThat(syntaxError.getSuppressed()).isEmpty();
    assertThat(runtimeError.getSuppressed()).isEmpty();
  }

  // CPython: ContextManagerTestCase.test_contextmanager_except
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void suppressesTheBlockException_whenTheBodyCatchesItAndReturns(Mode mode) throws Exception {
    List<Object> state = new ArrayList<>();
    ContextManager<Integer> woohoo =
        Contexts.contextManager(
            y -> {
              state.add(1);
              try {
                y.yield(42);
              } catch (ArithmeticException e) {
                state.add(e.getMessage());
                assertThat(state).containsExactly(1, 42, "999");
              }
            });

    Object result =
        mode.with(
            woohoo,
            x -> {
              assertThat(state).containsExactly(1);
              assertThat(x).isEqualTo(42);
              state.add(x);
              throw new ArithmeticException("999");
            });

    assertThat(result).isNull();
    assertThat(state).containsExactly(1, 42, "999");
  }

  // CPython: ContextManagerTestCase.test_contextmanager_except_stopiter
  // Python's StopIteration has a meaning inside a generator (PEP 479), so CPython checks that one
  // raised by the with-block is not taken for the generator's end. Its Java counterpart,
  // NoSuchElementException (what ends an iteration), has no meaning here: it propagates as any
  // other exception, the same instance, subclasses too.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void rethrowsAnEndOfIterationException_whenTheBlockThrowsIt(Mode mode) {
    for (NoSuchElementException stop :
        List.of(new NoSuchElementException("spam"), new StopIterationSubclass("spam"))) {
      ContextManager<@Nullable Void> woohoo = Contexts.contextManager(y -> y.yield(null));

      assertThatThrownBy(
              () ->
                  mode.with(
                      woohoo,
                      v -> {
                        throw stop;
                      }))
          .isSameAs(stop);
      assertThat(stop.getSuppressed()).isEmpty();
    }
  }

  // CPython: ContextManagerTestCase.test_contextmanager_do_not_unchain_non_stopiteration_exceptions
  // The first half is ported as is (bpo-29692): a wrapper the body raises keeps its cause. The
  // second half differs: CPython unwraps a RuntimeError whose __cause__ is the StopIteration it
  // threw in (it cannot tell the body's wrapping from PEP 479's) and lets the StopIteration
  // propagate; Java has no PEP 479, so the body's wrapper propagates with its cause.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void throwsTheBodysWrapperWithItsCause_whenTheBodyWrapsTheBlockException(Mode mode) {
    List<Throwable> wrappers = new ArrayList<>();
    Supplier<ContextManager<@Nullable Void>> issue29692 =
        () ->
            Contexts.contextManager(
                y -> {
                  try {
                    y.yield(null);
                  } catch (Exception exc) {
                    IllegalStateException wrapper =
                        new IllegalStateException("issue29692:Chained", exc);
                    wrappers.add(wrapper);
                    throw wrapper;
                  }
                });
    ArithmeticException zeroDivision = new ArithmeticException();
    NoSuchElementException stop = new NoSuchElementException("issue29692:Unchained");

    Throwable chained =
        catchThrowable(
            () ->
                mode.with(
                    issue29692.get(),
                    v -> {
                      throw zeroDivision;
                    }));
    Throwable unchained =
        catchThrowable(
            () ->
                mode.with(
                    issue29692.get(),
                    v -> {
                      throw stop;
                    }));

    assertThat(wrappers).hasSize(2);
    assertThat(chained)
        .isSameAs(wrappers.get(0))
        .hasMessage("issue29692:Chained")
        .cause()
        .isSameAs(zeroDivision);
    assertThat(unchained).isSameAs(wrappers.get(1)).cause().isSameAs(stop);
    assertThat(chained.getSuppressed()).isEmpty();
    assertThat(unchained.getSuppressed()).isEmpty();
  }

  // CPython: ContextManagerTestCase.test_contextmanager_wrap_runtimeerror
  // First half as is: the body's RuntimeError replaces the ZeroDivisionError. Second half differs
  // as in test_contextmanager_do_not_unchain_non_stopiteration_exceptions: CPython unwraps the
  // StopIteration, Java has no PEP 479 and throws the wrapper.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void throwsTheBodysWrapperInsteadOfTheBlockException_whenTheBodyWrapsIt(Mode mode) {
    Supplier<ContextManager<@Nullable Void>> woohoo =
        () ->
            Contexts.contextManager(
                y -> {
                  try {
                    y.yield(null);
                  } catch (Exception exc) {
                    throw new IllegalStateException("caught " + exc, exc);
                  }
                });
    int zero = 0;

    assertThatThrownBy(() -> mode.with(woohoo.get(), v -> 1 / zero))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("caught java.lang.ArithmeticException")
        .cause()
        .isExactlyInstanceOf(ArithmeticException.class);
    assertThatThrownBy(
            () ->
                mode.with(
                    woohoo.get(),
                    v -> {
                      throw new NoSuchElementException();
                    }))
        .isExactlyInstanceOf(IllegalStateException.class)
        .cause()
        .isExactlyInstanceOf(NoSuchElementException.class);
  }

  // CPython: ContextManagerTestCase.test_param_errors
  // Python's TypeErrors for calls that do not match the generator function's signature are
  // compile errors in Java; the remaining invalid argument is a null body, rejected at once.
  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void rejectsANullBody_whenTheManagerIsCreated() {
    assertThatNullPointerException()
        .isThrownBy(() -> Contexts.contextManager(null))
        .withMessage("body cannot be null");
  }

  // CPython: ContextManagerTestCase.test_recursive
  // The decorator is given one manager instance and runs a fresh copy of its body per call
  // (CPython's _recreate_cm), so each recursive call enters and exits its own run.
  @Test
  void runsAFreshBodyForEachCall_whenADecoratedFunctionRecurses() {
    int[] depth = {0};
    int[] ncols = {0};
    ContextManager<@Nullable Void> woohoo =
        Contexts.contextManager(
            y -> {
              ncols[0]++;
              int before = depth[0];
              depth[0]++;
              y.yield(null);
              depth[0]--;
              assertThat(depth[0]).isEqualTo(before);
            });
    Runnable[] recursive = new Runnable[1];
    recursive[0] =
        Contexts.decorateRunnable(
            woohoo,
            () -> {
              if (depth[0] < 10) {
                recursive[0].run();
              }
            });

    recursive[0].run();

    assertThat(ncols[0]).isEqualTo(10);
    assertThat(depth[0]).isZero();
  }

  // --- TestExitStack, generator-based tests ---------------------------------------------------

  private static final class MyException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  // CPython: TestExitStack.test_exit_exception_explicit_none_context
  // bpo-44594: Python's body clears the __context__ that raising in its except clause set, and the
  // ExitStack must not set it again. A Java body that throws a new exception attaches nothing, and
  // neither the manager nor an ExitStack around it attaches the block's exception.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void attachesNothingToTheBodysNewException_whenUsedDirectlyOrThroughAnExitStack(Mode mode) {
    Supplier<ContextManager<@Nullable Void>> myCm =
        () ->
            Contexts.contextManager(
                y -> {
                  try {
                    y.yield(null);
                  } catch (Throwable t) {
                    throw new MyException();
                  }
                });
    Supplier<ContextManager<ExitStack>> myCmWithExitStack =
        () ->
            Contexts.contextManager(
                y ->
                    Contexts.run(
                        new ExitStack(),
                        stack -> {
                          stack.enterContext(myCm.get());
                          y.yield(stack);
                        }));

    for (Supplier<? extends ContextManager<?>> cm : List.of(myCm, myCmWithExitStack)) {
      IndexOutOfBoundsException indexError = new IndexOutOfBoundsException();

      Throwable thrown =
          catchThrowable(
              () ->
                  mode.with(
                      cm.get(),
                      v -> {
                        throw indexError;
                      }));

      assertThat(thrown).isInstanceOf(MyException.class).hasNoCause();
      assertThat(thrown.getSuppressed()).isEmpty();
      assertThat(indexError.getSuppressed()).isEmpty();
    }
  }

  /**
   * CPython's {@code gets_the_context_right}: {@code try: yield finally: raise exc}. Python chains
   * the exception in flight to {@code exc} implicitly; this body does it explicitly.
   */
  private static ContextManager<@Nullable Void> getsTheContextRight(Exception exc) {
    return Contexts.contextManager(
        y -> {
          try {
            y.yield(null);
          } catch (Throwable inFlight) {
            exc.addSuppressed(inFlight);
          }
          throw exc;
        });
  }

  /** As {@link #getsTheContextRight}, but the body drops the exception in flight. */
  private static ContextManager<@Nullable Void> dropsTheContext(Exception exc) {
    return Contexts.contextManager(
        y -> {
          try {
            y.yield(null);
          } catch (Throwable inFlight) {
            // dropped on purpose: Java's "finally { throw exc; }"
          }
          throw exc;
        });
  }

  // CPython: TestExitStack.test_exit_exception_with_correct_context
  // bpo-20317: the managers already set the context, and the stack must not set it again (CPython
  // looped forever on the resulting cycle). Bodies that attach explicitly get exactly CPython's
  // chain (exc4 <- exc3 <- exc2 <- exc1, read as suppressed lists); bodies that attach nothing get
  // nothing attached. In one ExitStack and as nested with statements.
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void keepsTheChainTheBodiesBuilt_andAddsNothing_whenEachBodyThrowsInItsTeardown(Mode mode) {
    Exception exc1 = new Exception("1");
    Exception exc2 = new Exception("2");
    Exception exc3 = new Exception("3");
    Exception exc4 = new Exception("4");

    Throwable thrown =
        catchThrowable(
            () ->
                mode.nest(
                    List.of(
                        getsTheContextRight(exc4),
                        getsTheContextRight(exc3),
                        getsTheContextRight(exc2)),
                    v -> {
                      throw exc1;
                    }));

    assertThat(thrown).isSameAs(exc4);
    assertThat(exc4.getSuppressed()).containsExactly(exc3);
    assertThat(exc3.getSuppressed()).containsExactly(exc2);
    assertThat(exc2.getSuppressed()).containsExactly(exc1);
    assertThat(exc1.getSuppressed()).isEmpty();

    Exception drop1 = new Exception("1");
    Exception drop2 = new Exception("2");
    Exception drop3 = new Exception("3");
    Exception drop4 = new Exception("4");

    Throwable dropped =
        catchThrowable(
            () ->
                mode.nest(
                    List.of(dropsTheContext(drop4), dropsTheContext(drop3), dropsTheContext(drop2)),
                    v -> {
                      throw drop1;
                    }));

    assertThat(dropped).isSameAs(drop4);
    for (Exception e : List.of(drop1, drop2, drop3, drop4)) {
      assertThat(e.getSuppressed()).as("suppressed of %s", e).isEmpty();
    }
  }

  private static final class UniqueException extends Exception {
    private static final long serialVersionUID = 1L;

    UniqueException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final class UniqueRuntimeError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UniqueRuntimeError(String message) {
      super(message);
    }
  }

  // CPython: TestExitStack.test_dont_reraise_RuntimeError
  // bpo-27122: first() re-raises the block's exception, second() raises a new one from it. Python
  // also sets __context__ implicitly; Java has only the cause the body gave, and the library adds
  // nothing (the block's exception is already reachable as the cause).
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void throwsTheOuterBodysNewException_withTheReraisedOneAsItsOnlyLink(Mode mode) {
    ContextManager<Integer> second =
        Contexts.contextManager(
            y -> {
              try {
                y.yield(1);
              } catch (Exception exc) {
                throw new UniqueException("new exception", exc);
              }
            });
    ContextManager<Integer> first =
        Contexts.contextManager(
            y -> {
              try {
                y.yield(1);
              } catch (Exception exc) {
                throw exc;
              }
            });
    UniqueRuntimeError runtimeError = new UniqueRuntimeError("please no infinite loop.");

    Throwable thrown =
        catchThrowable(
            () ->
                mode.nest(
                    List.of(second, first),
                    v -> {
                      throw runtimeError;
                    }));

    assertThat(thrown).isInstanceOf(UniqueException.class).hasMessage("new exception");
    assertThat(thrown.getCause()).isSameAs(runtimeError);
    assertThat(thrown.getSuppressed()).isEmpty();
    assertThat(runtimeError.getCause()).isNull();
    assertThat(runtimeError.getSuppressed()).isEmpty();
  }
}
