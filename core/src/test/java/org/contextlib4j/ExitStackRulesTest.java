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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exception rule of {@link ExitStack}, one nested class per numbered rule of the contract (see
 * the class Javadoc's exception section and docs/semantics in the README).
 */
class ExitStackRulesTest {

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

  /** Records what each cleanup saw, in the order they ran. */
  private final List<String> log = new ArrayList<>();

  private static String label(@Nullable Throwable t) {
    return t == null ? "none" : String.valueOf(t.getMessage());
  }

  private ExitHandler exit(String id, boolean suppress) {
    return failure -> {
      log.add(id + " saw " + label(failure));
      return suppress;
    };
  }

  private ExitHandler throwing(String id, Throwable thrown) {
    return failure -> {
      log.add(id + " saw " + label(failure));
      throw sneaky(thrown);
    };
  }

  private CleanupAction action(String id) {
    return () -> log.add(id);
  }

  private AutoCloseable closeable(String id, @Nullable Exception thrown) {
    return () -> {
      log.add(id);
      if (thrown != null) {
        throw thrown;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }

  @Nested
  class Rule1_ReverseOrderExactlyOnce {

    @Test
    void closesInReverseOrderOfRegistration() {
      ExitStack stack = new ExitStack();
      stack.callback(action("a"));
      stack.push(exit("b", false));
      stack.register(closeable("c", null));
      final class Manager extends AbstractContextManager<Manager> {
        @Override
        public boolean exit(@Nullable Throwable failure) {
          log.add("d");
          return false;
        }
      }
      Manager manager = new Manager();
      assertThat(stack.enterContext(manager)).isSameAs(manager);
      stack.close();
      assertThat(log).containsExactly("d", "c", "b saw none", "a");
    }

    @Test
    void runsEveryCleanupOnce_whenOthersThrowErrorsIncluded() {
      ExitStack stack = new ExitStack();
      stack.callback(action("a"));
      stack.push(throwing("b", new Fatal("b-x")));
      stack.register(closeable("c", new CheckedBoom("c-x")));
      stack.callback(
          () -> {
            log.add("d");
            throw new StackOverflowError("d-x");
          });
      Throwable thrown = catchThrowable(stack::close);
      assertThat(log).containsExactly("d", "c", "b saw d-x", "a");
      assertThat(thrown).isInstanceOf(Fatal.class).hasMessage("b-x");
      stack.close();
      assertThat(log).hasSize(4);
    }

    @Test
    void eachExitSeesExceptionAsLeftByExitsThatRanBefore() {
      ExitStack stack = new ExitStack();
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
  }

  @Nested
  class Rule2_Suppression {

    @Test
    void laterExitsSeeNull_afterAnExitSuppresses() {
      ExitStack stack = new ExitStack();
      stack.push(exit("outer", false));
      stack.push(exit("suppressor", true));
      assertThatCode(() -> stack.close(new Boom("body"))).doesNotThrowAnyException();
      assertThat(log).containsExactly("suppressor saw body", "outer saw none");
    }

    @Test
    void exitReturnsTrue_whenReceivedExceptionEndsSuppressed() {
      ExitStack stack = new ExitStack();
      stack.push(exit("s", true));
      assertThat(stack.exit(new Boom("body"))).isTrue();
    }

    @Test
    void exitReturnsFalse_whenNothingWasReceivedEvenIfAnExitReturnsTrue() {
      ExitStack stack = new ExitStack();
      stack.push(exit("s", true));
      assertThat(stack.exit(null)).isFalse();
    }

    @Test
    void exitReturnsFalse_whenReceivedExceptionIsNotSuppressed() {
      ExitStack stack = new ExitStack();
      stack.push(exit("p", false));
      Boom body = new Boom("body");
      assertThat(stack.exit(body)).isFalse();
      assertThat(body.getSuppressed()).isEmpty();
    }

    @Test
    void exitThrows_whenSuppressedExceptionIsFollowedByFailure() {
      ExitStack stack = new ExitStack();
      Boom late = new Boom("late");
      stack.push(throwing("t", late));
      stack.push(exit("s", true));
      Boom body = new Boom("body");
      assertThatThrownBy(() -> stack.exit(body)).isSameAs(late);
      assertThat(late.getSuppressed()).isEmpty(); // body was handled, not in flight
    }

    @Test
    void exitReturnsTrue_whenReplacementIsSuppressedLater() {
      ExitStack stack = new ExitStack();
      stack.push(exit("s", true));
      stack.push(throwing("r", new Boom("new")));
      assertThat(stack.exit(new Boom("body"))).isTrue();
    }
  }

  @Nested
  class Rule3_Replacement {

    @Test
    void replacementPropagates_withReplacedExceptionAttached() {
      ExitStack stack = new ExitStack();
      Boom y = new Boom("y");
      stack.push(throwing("r", y));
      Boom x = new Boom("x");
      assertThatThrownBy(() -> stack.close(x)).isSameAs(y);
      assertThat(y.getSuppressed()).containsExactly(x);
      assertThat(x.getSuppressed()).isEmpty();
    }

    @Test
    void replacementAttachesNothing_whenReplacedExceptionIsItsCause() {
      ExitStack stack = new ExitStack();
      Boom x = new Boom("x");
      Boom y = new Boom("y", x);
      stack.push(throwing("r", y));
      assertThatThrownBy(() -> stack.close(x)).isSameAs(y);
      assertThat(y.getSuppressed()).isEmpty();
      assertThat(y.getCause()).isSameAs(x);
    }

    @Test
    void rethrowingInFlightException_isNotReplacement() {
      ExitStack stack = new ExitStack();
      stack.push(
          failure -> {
            throw sneaky(failure == null ? new Boom("none") : failure);
          });
      Boom x = new Boom("x");
      assertThat(stack.exit(x)).isFalse();
      assertThat(x.getSuppressed()).isEmpty();
    }

    // Issue 11: the wrapper is attached although that closes a cycle; it was lost before.
    @Test
    void replacementKeepsTheWrapper_whenExitUnwrapsCause() {
      ExitStack stack = new ExitStack();
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

    @Test
    void replacementChain_attachesEachReplacedException() {
      ExitStack stack = new ExitStack();
      Boom second = new Boom("second");
      Boom first = new Boom("first");
      stack.push(throwing("outer", second));
      stack.push(throwing("inner", first));
      Boom body = new Boom("body");
      assertThatThrownBy(() -> stack.close(body)).isSameAs(second);
      assertThat(second.getSuppressed()).containsExactly(first);
      assertThat(first.getSuppressed()).containsExactly(body);
    }

    @Test
    void checkedReplacement_propagatesUnwrapped() {
      ExitStack stack = new ExitStack();
      CheckedBoom y = new CheckedBoom("y");
      stack.push(throwing("r", y));
      assertThatThrownBy(stack::close).isSameAs(y);
    }
  }

  @Nested
  class Rule4_PlainCleanupFailures {

    @Test
    void failingClose_isSuppressedIntoInFlight() {
      ExitStack stack = new ExitStack();
      CheckedBoom closeFailure = new CheckedBoom("close");
      stack.register(closeable("c", closeFailure));
      Boom x = new Boom("x");
      assertThatThrownBy(() -> stack.close(x)).isSameAs(x);
      assertThat(x.getSuppressed()).containsExactly(closeFailure);
    }

    @Test
    void failingCallback_isSuppressedIntoInFlight_unlikePython() {
      ExitStack stack = new ExitStack();
      Boom callbackFailure = new Boom("cb");
      stack.callback(
          () -> {
            throw callbackFailure;
          });
      stack.push(exit("outer-sees", false)); // registered later: runs first
      Boom x = new Boom("x");
      assertThatThrownBy(() -> stack.close(x)).isSameAs(x);
      assertThat(x.getSuppressed()).containsExactly(callbackFailure);
    }

    @Test
    void failingCleanup_becomesInFlight_whenNothingInFlight() {
      ExitStack stack = new ExitStack();
      stack.push(exit("outer", false));
      Boom failure = new Boom("cb");
      stack.callback(
          () -> {
            throw failure;
          });
      assertThatThrownBy(stack::close).isSameAs(failure);
      assertThat(log).containsExactly("outer saw cb");
    }

    @Test
    void everyFailure_isReachable_whenSeveralCleanupsFail() {
      // CPython gh-102201 loses the earlier ones' context; we keep each one.
      ExitStack stack = new ExitStack();
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

    @Test
    void closeRethrowingInFlightException_isNotSelfSuppressed() {
      ExitStack stack = new ExitStack();
      Boom x = new Boom("x");
      stack.register(
          () -> {
            throw x;
          });
      assertThatThrownBy(() -> stack.close(x)).isSameAs(x);
      assertThat(x.getSuppressed()).isEmpty();
    }

    @Test
    void plainCleanupNeverSuppresses_evenIfItIsAlsoAnExitHandler() {
      ExitStack stack = new ExitStack();
      final class Both implements AutoCloseable, ExitHandler {
        @Override
        public void close() {
          log.add("closed");
        }

        @Override
        public boolean exit(@Nullable Throwable failure) {
          log.add("exit");
          return true;
        }
      }
      stack.register(new Both());
      Boom x = new Boom("x");
      assertThatThrownBy(() -> stack.close(x)).isSameAs(x);
      assertThat(log).containsExactly("closed");
    }
  }

  @Nested
  class Rule5_EnterAndArguments {

    @Test
    void enterContextRegistersNothing_whenEnterThrows() {
      ExitStack stack = new ExitStack();
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

    @Test
    void enterContextReturnsEnterResult() {
      ExitStack stack = new ExitStack();
      assertThat(stack.enterContext(Contexts.nullContext("value"))).isEqualTo("value");
    }

    static Stream<Arguments> nullArguments() {
      return Stream.of(
          Arguments.of("enterContext", (Consumer<ExitStack>) s -> s.enterContext(nul()), "manager"),
          Arguments.of(
              "push(handler)", (Consumer<ExitStack>) s -> s.push((ExitHandler) nul()), "handler"),
          Arguments.of(
              "push(manager)",
              (Consumer<ExitStack>) s -> s.push((ContextManager<?>) nul()),
              "manager"),
          Arguments.of("callback", (Consumer<ExitStack>) s -> s.callback(nul()), "action"),
          Arguments.of("register", (Consumer<ExitStack>) s -> s.register(nul()), "resource"),
          Arguments.of("close(failure)", (Consumer<ExitStack>) s -> s.close(nul()), "failure"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void nullArgument_throwsNpeNamingParameter_andRegistersNothing(
        String method, Consumer<ExitStack> call, String parameter) {
      ExitStack stack = new ExitStack();
      assertThatThrownBy(() -> call.accept(stack))
          .isInstanceOf(NullPointerException.class)
          .hasMessage(parameter + " cannot be null");
      assertThat(stack).hasToString("ExitStack[0 cleanups]");
    }
  }

  @SuppressWarnings({"NullAway", "TypeParameterUnusedInFormals"})
  private static <T> T nul() {
    return null;
  }

  @Nested
  class Rule6_OwnershipAndReuse {

    @Test
    void popAll_movesEveryCleanup_andLeavesEmptyUsableStack() {
      ExitStack stack = new ExitStack();
      stack.callback(action("a"));
      stack.callback(action("b"));
      ExitStack moved = stack.popAll();
      stack.close();
      assertThat(log).isEmpty();
      stack.callback(action("c"));
      stack.close();
      assertThat(log).containsExactly("c");
      moved.close();
      assertThat(log).containsExactly("c", "b", "a");
    }

    @Test
    void close_isIdempotent_andStackIsReusable() {
      ExitStack stack = new ExitStack();
      stack.callback(action("a"));
      stack.close();
      stack.close();
      assertThat(log).containsExactly("a");
      stack.callback(action("b"));
      stack.close();
      assertThat(log).containsExactly("a", "b");
    }

    @Test
    void cleanupsRegisteredWhileUnwinding_runToo_inLifoOrder() {
      ExitStack stack = new ExitStack();
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

    // Issue 13: it used to hand the remaining cleanups over, silently (as CPython does).
    @Test
    void popAllWhileUnwinding_isRefused_andTheRemainingCleanupsRunInTheUnwinding() {
      ExitStack stack = new ExitStack();
      stack.callback(action("remaining"));
      stack.callback(stack::popAll);

      assertThatThrownBy(stack::close).isInstanceOf(IllegalStateException.class);

      assertThat(log).containsExactly("remaining");
    }

    @Test
    void reentrantClose_fromACleanup_runsTheRestOnce() {
      ExitStack stack = new ExitStack();
      stack.callback(action("a"));
      stack.callback(stack::close);
      stack.callback(action("b"));
      stack.close();
      assertThat(log).containsExactly("b", "a");
    }
  }

  @Nested
  class Rule7_IterativeUnwinding {

    /** Runs the task on a thread with a small stack, so any recursion per entry would overflow. */
    private void onSmallStack(Runnable task) throws InterruptedException {
      assertThat(SmallStack.run(task::run)).isNull();
    }

    @Test
    void closesAMillionCleanups() throws InterruptedException {
      AtomicInteger closed = new AtomicInteger();
      onSmallStack(
          () -> {
            ExitStack stack = new ExitStack();
            AutoCloseable resource = closed::incrementAndGet;
            for (int i = 0; i < 1_000_000; i++) {
              stack.register(resource);
            }
            stack.close();
          });
      assertThat(closed).hasValue(1_000_000);
    }

    @Test
    void keepsEveryFailure_whenAMillionCleanupsFailWithExceptionInFlight()
        throws InterruptedException {
      Boom body = new Boom("body");
      onSmallStack(
          () -> {
            ExitStack stack = new ExitStack();
            for (int i = 0; i < 1_000_000; i++) {
              stack.callback(
                  () -> {
                    throw new Boom("cleanup");
                  });
            }
            assertThatThrownBy(() -> stack.close(body)).isSameAs(body);
          });
      assertThat(body.getSuppressed()).hasSize(1_000_000);
    }

    static Stream<Arguments> nestings() {
      return Stream.of(
          Arguments.of("register", (Nester) (outer, inner) -> outer.register(inner)),
          Arguments.of("push", (Nester) (outer, inner) -> outer.push(inner)),
          Arguments.of("enterContext", (Nester) (outer, inner) -> outer.enterContext(inner)),
          Arguments.of(
              "enterContext(closing)",
              (Nester) (outer, inner) -> outer.enterContext(Contexts.closing(inner))),
          Arguments.of(
              "push(closing)", (Nester) (outer, inner) -> outer.push(Contexts.closing(inner))));
    }

    interface Nester {
      void nest(ExitStack outer, ExitStack inner);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestings")
    void closes100000NestedStacks_inOrder(String how, Nester nester) throws InterruptedException {
      int depth = 100_000;
      List<Integer> order = new ArrayList<>();
      onSmallStack(
          () -> {
            ExitStack root = new ExitStack();
            ExitStack current = root;
            for (int i = 0; i < depth; i++) {
              int id = i;
              current.callback(() -> order.add(id)); // runs after everything nested inside
              ExitStack inner = new ExitStack();
              nester.nest(current, inner);
              current = inner;
            }
            root.close();
          });
      assertThat(order).hasSize(depth);
      for (int i = 0; i < depth; i++) {
        assertThat(order.get(i)).isEqualTo(depth - 1 - i);
      }
    }

    @Test
    void nestedStacksRegisteredAsManagers_passTheExceptionThrough() {
      ExitStack outer = new ExitStack();
      outer.push(exit("outer", false));
      ExitStack inner = outer.enterContext(new ExitStack());
      inner.push(exit("inner-suppressor", true));
      assertThat(outer.exit(new Boom("body"))).isTrue();
      assertThat(log).containsExactly("inner-suppressor saw body", "outer saw none");
    }

    @Test
    void nestedStackRegisteredAsResource_isClosedAsPlainCleanup() {
      ExitStack outer = new ExitStack();
      outer.push(exit("outer", false));
      ExitStack inner = outer.register(new ExitStack());
      inner.push(exit("inner", false)); // closed, not exited: sees nothing
      Boom innerFailure = new Boom("inner-failure");
      inner.callback(
          () -> {
            throw innerFailure;
          });
      Boom body = new Boom("body");
      assertThatThrownBy(() -> outer.close(body)).isSameAs(body);
      assertThat(log).containsExactly("inner saw inner-failure", "outer saw body");
      assertThat(body.getSuppressed()).containsExactly(innerFailure);
    }
  }

  @Nested
  class Rule8_NoExceptionsOfItsOwn {

    @Test
    void everyExceptionInTheResult_wasThrownByTheBodyOrACleanup() {
      ExitStack stack = new ExitStack();
      List<Throwable> thrown = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Boom failure = new Boom("f" + i);
        thrown.add(failure);
        if (i % 3 == 0) {
          stack.push(throwing("h" + i, failure));
        } else {
          stack.callback(
              () -> {
                throw failure;
              });
        }
      }
      Boom body = new Boom("body");
      thrown.add(body);
      Throwable result = catchThrowable(() -> stack.close(body));
      Set<Throwable> all = treeOf(result);
      Set<Throwable> expected = Collections.newSetFromMap(new IdentityHashMap<>());
      expected.addAll(thrown);
      assertThat(all).isEqualTo(expected); // all reachable, nothing of the library's own
    }

    static Stream<Arguments> registrations() {
      AutoCloseable resource = () -> {};
      CleanupAction action = () -> {};
      ExitHandler handler = failure -> false;
      return Stream.of(
          Arguments.of("register", (Consumer<ExitStack>) s -> s.register(resource), 0),
          Arguments.of("callback", (Consumer<ExitStack>) s -> s.callback(action), 1),
          Arguments.of("push", (Consumer<ExitStack>) s -> s.push(handler), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void registrationAllocatesOnlyArraySlots(
        String how, Consumer<ExitStack> registration, int kindBytes) throws Exception {
      // Rule 8: one amortized reference slot per registration (plus, for a registration that is
      // not a plain AutoCloseable, one byte recording its kind); no node or wrapper per entry.
      int n = 100_000;
      ExitStack warm = new ExitStack();
      for (int i = 0; i < n; i++) {
        registration.accept(warm);
      }
      long slotBytes = Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;
      // Doubling growth allocates under 2 * capacity <= 4n slots in total (about 10.5 bytes per
      // registration with 4-byte references); a wrapper object per entry alone would be 16 bytes
      // or more on top of its slot.
      long bound = 4L * (slotBytes + kindBytes) * n;
      long bytes = Long.MAX_VALUE;
      for (int attempt = 0; attempt < 5 && bytes > bound; attempt++) {
        long before = allocatedBytes();
        ExitStack stack = new ExitStack();
        for (int i = 0; i < n; i++) {
          registration.accept(stack);
        }
        bytes = allocatedBytes() - before;
        assertThat(stack).hasToString("ExitStack[" + n + " cleanups]");
      }
      assertThat(bytes).isLessThanOrEqualTo(bound);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void upToFiveRegistrationsOfOneKindAllocateNothing(
        String how, Consumer<ExitStack> registration, int kindBytes) throws Exception {
      // The array comes with the stack: a block that registers up to five cleanups of one kind
      // allocates nothing, so it has no allocation that could throw (such an exception edge kept
      // C2 on JDK 17 from removing a stack made and closed in one method; docs/design.md).
      long extra = Long.MAX_VALUE;
      for (int attempt = 0; attempt < 5 && extra != 0; attempt++) {
        ExitStack stack = new ExitStack();
        long start = allocatedBytes();
        long measuring = allocatedBytes() - start; // what one measurement allocates itself
        long before = allocatedBytes();
        for (int i = 0; i < 5; i++) {
          registration.accept(stack);
        }
        extra = allocatedBytes() - before - measuring;
        assertThat(stack).hasToString("ExitStack[5 cleanups]");
      }
      assertThat(extra).isZero();
    }
  }

  private static long allocatedBytes() throws Exception {
    // Reflection keeps the library module from needing java.management at compile time.
    Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
    Object bean = factory.getMethod("getThreadMXBean").invoke(null);
    Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
    return (long)
        sunBean
            .getMethod("getThreadAllocatedBytes", long.class)
            .invoke(bean, Thread.currentThread().getId());
  }

  static Set<Throwable> treeOf(Throwable root) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> work = new ArrayList<>(List.of(root));
    while (!work.isEmpty()) {
      Throwable t = work.remove(work.size() - 1);
      if (seen.add(t)) {
        if (t.getCause() != null) {
          work.add(t.getCause());
        }
        work.addAll(Arrays.asList(t.getSuppressed()));
      }
    }
    return seen;
  }
}
