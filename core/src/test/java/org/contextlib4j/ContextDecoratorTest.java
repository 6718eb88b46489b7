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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code TestContextDecorator}, class-based part, ported. Python's {@code
 * ContextDecorator} is a mixin that makes a manager callable as a decorator; in Java any {@link
 * ContextManager} is decorated with {@code Contexts.decorate*}, generator-style managers ({@link
 * Contexts#contextManager}) included.
 */
class ContextDecoratorTest {

  /** CPython's {@code mycontext}: records that it was entered and what its exit saw. */
  private static final class MyContext extends AbstractContextManager<MyContext> {
    boolean started;
    boolean exited;
    @Nullable Throwable exc;
    boolean catchIt;

    @Override
    public MyContext enter() {
      started = true;
      return this;
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      exited = true;
      exc = failure;
      return catchIt;
    }
  }

  // CPython: TestContextDecorator.test_contextdecorator
  @Test
  void entersToItselfAndExitsWithNoException_whenUsedAsAManager() {
    MyContext context = new MyContext();
    boolean[] startedInBody = {false};

    MyContext result =
        Contexts.with(
            context,
            value -> {
              startedInBody[0] = context.started;
              return value;
            });

    assertThat(result).isSameAs(context);
    assertThat(startedInBody[0]).isTrue();
    assertThat(context.exited).isTrue();
    assertThat(context.exc).isNull();
  }

  // CPython: TestContextDecorator.test_contextdecorator_with_exception
  @Test
  void exitSeesTheBodyException_andRethrowsOrSuppressesItAsItReturns() {
    MyContext context = new MyContext();
    IllegalStateException nameError = new IllegalStateException("foo");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    context,
                    value -> {
                      throw nameError;
                    }))
        .isSameAs(nameError);
    assertThat(context.exc).isSameAs(nameError);

    MyContext catching = new MyContext();
    catching.catchIt = true;
    IllegalStateException nameError2 = new IllegalStateException("foo");

    Object result =
        Contexts.with(
            catching,
            value -> {
              throw nameError2;
            });

    assertThat(result).isNull();
    assertThat(catching.exc).isSameAs(nameError2);
  }

  // CPython: TestContextDecorator.test_decorator
  @Test
  void runsTheFunctionInsideTheManager_whenDecorated() {
    MyContext context = new MyContext();
    List<Object> inBody = new ArrayList<>();

    Runnable test =
        Contexts.decorateRunnable(
            context,
            () -> {
              inBody.add(context.started);
              inBody.add(context.exited);
            });
    assertThat(context.started).isFalse();
    test.run();

    assertThat(inBody).containsExactly(true, false);
    assertThat(context.exited).isTrue();
    assertThat(context.exc).isNull();
  }

  // CPython: TestContextDecorator.test_decorator_with_exception
  @Test
  void exitSeesTheFunctionException_andItPropagatesUnchanged_whenDecorated() {
    MyContext context = new MyContext();
    IllegalStateException nameError = new IllegalStateException("foo");
    List<Object> inBody = new ArrayList<>();

    Runnable test =
        Contexts.decorateRunnable(
            context,
            () -> {
              inBody.add(context.started);
              inBody.add(context.exited);
              throw nameError;
            });

    assertThatThrownBy(test::run).isSameAs(nameError);
    assertThat(inBody).containsExactly(true, false);
    assertThat(context.exc).isSameAs(nameError);
    assertThat(nameError.getSuppressed()).isEmpty();
  }

  // CPython: TestContextDecorator.test_decorating_method
  // Python checks that positional and keyword arguments pass through the decorator; in Java the
  // argument (decorateFunction) and the result (every value-returning form) pass through unchanged.
  @Test
  void passesArgumentsAndResultsThroughUnchanged_whenAFunctionIsDecorated() throws Exception {
    MyContext context = new MyContext();
    Object a = new Object();
    Object b = new Object();
    List<Object> received = new ArrayList<>();

    Function<Object, List<Object>> method =
        Contexts.decorateFunction(
            context,
            argument -> {
              received.add(argument);
              return List.of(argument, b);
            });
    Callable<Object> callable = Contexts.decorateCallable(context, () -> a);
    Supplier<Object> supplier = Contexts.decorateSupplier(context, () -> b);

    List<Object> result = method.apply(a);

    assertThat(received).containsExactly(a);
    assertThat(result).containsExactly(a, b);
    assertThat(callable.call()).isSameAs(a);
    assertThat(supplier.get()).isSameAs(b);
  }

  // CPython: TestContextDecorator.test_contextdecorator_as_mixin
  // Python mixes ContextDecorator into an existing manager class; in Java nothing is mixed in: a
  // manager written with no decorator in mind is decorated as is.
  @Test
  void decoratesAnyManager_whenItWasWrittenWithoutDecorationInMind() {
    final class SomeContext implements ContextManager<SomeContext> {
      boolean started;
      boolean exited;
      @Nullable Throwable exc;

      @Override
      public SomeContext enter() {
        started = true;
        return this;
      }

      @Override
      public boolean exit(@Nullable Throwable failure) {
        exited = true;
        exc = failure;
        return false;
      }
    }
    SomeContext context = new SomeContext();
    List<Object> inBody = new ArrayList<>();

    Contexts.decorateRunnable(
            context,
            () -> {
              inBody.add(context.started);
              inBody.add(context.exited);
            })
        .run();

    assertThat(inBody).containsExactly(true, false);
    assertThat(context.exited).isTrue();
    assertThat(context.exc).isNull();
  }

  // CPython: TestContextDecorator.test_contextmanager_as_decorator
  // Also bpo-11647: the decorated function is reusable, because the decorator runs a fresh copy of
  // the one-shot manager's body for each call (CPython's _recreate_cm).
  @Test
  void runsAFreshGeneratorStyleManagerForEachCall_whenOneInstanceDecoratesAFunction() {
    List<Object> state = new ArrayList<>();
    Function<Object, ContextManager<@Nullable Void>> woohoo =
        y ->
            Contexts.contextManager(
                yielder -> {
                  state.add(y);
                  yielder.yield(null);
                  state.add(999);
                });

    Function<Object, Object> test =
        Contexts.decorateFunction(
            woohoo.apply(1),
            x -> {
              assertThat(state).containsExactly(1);
              state.add(x);
              return x;
            });

    assertThat(test.apply("something")).isEqualTo("something");
    assertThat(state).containsExactly(1, "something", 999);

    state.clear();
    assertThat(test.apply("something else")).isEqualTo("something else");
    assertThat(state).containsExactly(1, "something else", 999);
  }
}
