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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random stacks of cleanups that pass, suppress, replace, rethrow, fail or succeed, nested
 * stacks included, checked against a small independent model of the rule. Every run checks that
 * each cleanup runs exactly once in reverse order, that each exit sees what the model says, that
 * the same instance propagates, that every suppressed list is exactly the expected one, and that no
 * exception is lost. The seed is in the test name: a failure replays with that seed.
 */
class ExitStackPropertyTest {

  static LongStream seeds() {
    return LongStream.range(0, 600).map(i -> 0x5EED_0000L + i);
  }

  enum Kind {
    PASS,
    SUPPRESS,
    REPLACE,
    RERAISE,
    CALLBACK_OK,
    CALLBACK_FAIL,
    CLOSE_OK,
    CLOSE_FAIL,
    NESTED_AWARE,
    NESTED_PLAIN
  }

  /** One registration; a nested stack has children. Each owns the exception it may throw. */
  static final class Spec {
    final String id;
    final Kind kind;
    final Throwable failure;
    final List<Spec> children = new ArrayList<>();
    boolean cancelled; // registered through a handle and cancelled: as if never registered

    Spec(String id, Kind kind, Random random) {
      this.id = id;
      this.kind = kind;
      this.failure = random.nextInt(4) == 0 ? new Error(id) : new IllegalStateException(id);
    }
  }

  private final List<String> log = new ArrayList<>();

  /**
   * When set, about half the registrations go through handles, and a third of those are cancelled.
   */
  private @Nullable Random handles;

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void withHandles_cancelledRegistrationsAreAsIfNeverMade_andTheRestMatchesTheModel(long seed) {
    handles = new Random(~seed);
    unwindingMatchesModel_andLosesNothing(seed);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void unwindingMatchesModel_andLosesNothing(long seed) {
    Random random = new Random(seed);
    int[] counter = {0};
    List<Spec> specs = randomSpecs(random, counter, 0);
    Throwable body = random.nextBoolean() ? null : new IllegalArgumentException("body");

    ExitStack stack = new ExitStack();
    register(stack, specs);
    Throwable actual = catchThrowable(() -> closeWith(stack, body));

    List<String> expectedLog = new ArrayList<>();
    IdentityHashMap<Throwable, List<Throwable>> expectedSuppressed = new IdentityHashMap<>();
    Set<Throwable> handled = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable expected = model(specs, body, expectedLog, expectedSuppressed, handled);

    assertThat(log).isEqualTo(expectedLog);
    assertThat(actual).isSameAs(expected);
    List<Throwable> everyException = new ArrayList<>();
    if (body != null) {
      everyException.add(body);
    }
    collectFailures(specs, everyException);
    for (Throwable t : everyException) {
      assertThat(t.getSuppressed())
          .as("suppressed of %s", t.getMessage())
          .containsExactlyElementsOf(expectedSuppressed.getOrDefault(t, List.of()));
    }
    // Nothing lost: every exception that was thrown is reachable from what propagated, or was in
    // a tree an exit deliberately suppressed.
    Set<Throwable> reachable = Collections.newSetFromMap(new IdentityHashMap<>());
    if (actual != null) {
      reachable.addAll(ExitStackRulesTest.treeOf(actual));
    }
    for (Throwable h : handled) {
      reachable.addAll(ExitStackRulesTest.treeOf(h));
    }
    Set<Throwable> thrown = thrownDuring(specs, body);
    assertThat(reachable).containsAll(thrown);
  }

  private static void closeWith(ExitStack stack, @Nullable Throwable body) {
    if (body == null) {
      stack.close();
    } else {
      stack.close(body);
    }
  }

  private List<Spec> randomSpecs(Random random, int[] counter, int depth) {
    int n = random.nextInt(depth == 0 ? 9 : 5);
    List<Spec> specs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Kind[] kinds = Kind.values();
      Kind kind = kinds[random.nextInt(depth < 2 ? kinds.length : kinds.length - 2)];
      Spec spec = new Spec("c" + counter[0]++, kind, random);
      if (kind == Kind.NESTED_AWARE || kind == Kind.NESTED_PLAIN) {
        spec.children.addAll(randomSpecs(random, counter, depth + 1));
      }
      specs.add(spec);
    }
    return specs;
  }

  private void register(ExitStack stack, List<Spec> specs) {
    for (Spec spec : specs) {
      Random h = handles;
      if (h != null && h.nextBoolean()) {
        Registration<?> registration = registerWithHandle(stack, spec);
        if (h.nextInt(3) == 0) {
          spec.cancelled = registration.cancel();
        }
        continue;
      }
      switch (spec.kind) {
        case PASS, SUPPRESS, REPLACE, RERAISE -> stack.push(exitOf(spec));
        case CALLBACK_OK, CALLBACK_FAIL -> stack.callback(actionOf(spec));
        case CLOSE_OK, CLOSE_FAIL -> stack.register(resourceOf(spec));
        case NESTED_AWARE, NESTED_PLAIN -> {
          ExitStack inner = nestedOf(spec);
          if (spec.kind == Kind.NESTED_AWARE) {
            stack.enterContext(inner);
          } else {
            stack.register(inner);
          }
        }
      }
    }
  }

  /** The same registrations as {@link #register}, through {@link ExitStack#handles()}. */
  private Registration<?> registerWithHandle(ExitStack stack, Spec spec) {
    Handles handles = stack.handles();
    return switch (spec.kind) {
      case PASS, SUPPRESS, REPLACE, RERAISE -> handles.push(exitOf(spec));
      case CALLBACK_OK, CALLBACK_FAIL -> handles.callback(actionOf(spec));
      case CLOSE_OK, CLOSE_FAIL -> handles.register(resourceOf(spec));
      case NESTED_AWARE, NESTED_PLAIN ->
          spec.kind == Kind.NESTED_AWARE
              ? handles.enterContext(nestedOf(spec))
              : handles.register(nestedOf(spec));
    };
  }

  private ExitHandler exitOf(Spec spec) {
    return seen -> {
      log.add(spec.id + " saw " + label(seen));
      if (spec.kind == Kind.REPLACE) {
        throw sneaky(spec.failure);
      }
      if (spec.kind == Kind.RERAISE && seen != null) {
        throw sneaky(seen);
      }
      return spec.kind == Kind.SUPPRESS;
    };
  }

  private CleanupAction actionOf(Spec spec) {
    return () -> {
      log.add(spec.id);
      if (spec.kind == Kind.CALLBACK_FAIL) {
        throw sneaky(spec.failure);
      }
    };
  }

  private AutoCloseable resourceOf(Spec spec) {
    return () -> {
      log.add(spec.id);
      if (spec.kind == Kind.CLOSE_FAIL) {
        throw sneaky(spec.failure);
      }
    };
  }

  private ExitStack nestedOf(Spec spec) {
    ExitStack inner = new ExitStack();
    register(inner, spec.children);
    return inner;
  }

  /** The rule, written as plainly as possible: a reference, independent of ExitStack's code. */
  private static @Nullable Throwable model(
      List<Spec> specs,
      @Nullable Throwable inFlight,
      List<String> log,
      Map<Throwable, List<Throwable>> suppressed,
      Set<Throwable> handled) {
    Throwable x = inFlight;
    for (int i = specs.size() - 1; i >= 0; i--) {
      Spec spec = specs.get(i);
      if (spec.cancelled) {
        continue;
      }
      switch (spec.kind) {
        case PASS -> log.add(spec.id + " saw " + label(x));
        case SUPPRESS -> {
          log.add(spec.id + " saw " + label(x));
          if (x != null) {
            handled.add(x);
          }
          x = null;
        }
        case REPLACE -> {
          log.add(spec.id + " saw " + label(x));
          if (x != null) {
            suppressed.computeIfAbsent(spec.failure, k -> new ArrayList<>()).add(x);
          }
          x = spec.failure;
        }
        case RERAISE -> log.add(spec.id + " saw " + label(x));
        case CALLBACK_OK, CLOSE_OK -> log.add(spec.id);
        case CALLBACK_FAIL, CLOSE_FAIL -> {
          log.add(spec.id);
          x = plainFailure(x, spec.failure, suppressed);
        }
        case NESTED_AWARE -> x = model(spec.children, x, log, suppressed, handled);
        case NESTED_PLAIN -> {
          Throwable closeFailure = model(spec.children, null, log, suppressed, handled);
          if (closeFailure != null) {
            x = plainFailure(x, closeFailure, suppressed);
          }
        }
      }
    }
    return x;
  }

  private static Throwable plainFailure(
      @Nullable Throwable x, Throwable failure, Map<Throwable, List<Throwable>> suppressed) {
    if (x == null) {
      return failure;
    }
    suppressed.computeIfAbsent(x, k -> new ArrayList<>()).add(failure);
    return x;
  }

  private static void collectFailures(List<Spec> specs, List<Throwable> out) {
    for (Spec spec : specs) {
      out.add(spec.failure);
      collectFailures(spec.children, out);
    }
  }

  /** The exceptions that were actually thrown: the body's and those of failing cleanups. */
  private static Set<Throwable> thrownDuring(List<Spec> specs, @Nullable Throwable body) {
    Set<Throwable> thrown = Collections.newSetFromMap(new IdentityHashMap<>());
    if (body != null) {
      thrown.add(body);
    }
    List<Spec> work = new ArrayList<>(specs);
    while (!work.isEmpty()) {
      Spec spec = work.remove(work.size() - 1);
      if (spec.cancelled) {
        continue;
      }
      if (Arrays.asList(Kind.REPLACE, Kind.CALLBACK_FAIL, Kind.CLOSE_FAIL).contains(spec.kind)) {
        thrown.add(spec.failure);
      }
      work.addAll(spec.children);
    }
    return thrown;
  }

  private static String label(@Nullable Throwable t) {
    return t == null ? "none" : String.valueOf(t.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }
}
