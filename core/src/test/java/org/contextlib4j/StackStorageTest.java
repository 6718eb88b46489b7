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
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a stack stores its registrations: a stack whose registrations are all of one kind keeps no
 * per-entry kinds, and the first registration of another kind must give every earlier one its own.
 * Runs of one kind of every length around the array's growth points, then another kind, then the
 * first again: each entry must still run as what it was registered as (a handler read as a callback
 * would fail with a ClassCastException, which would be attached to the body's exception).
 */
class StackStorageTest {

  /** How one registration is made; each kind logs what ran and, for exits, what they saw. */
  enum Way {
    RESOURCE,
    CALLBACK,
    HANDLER,
    MANAGER,
    HANDLE
  }

  private final List<String> log = new ArrayList<>();

  static Stream<Arguments> runsThenAnotherKind() {
    return Stream.of(Way.values())
        .flatMap(
            a ->
                Stream.of(Way.values())
                    .filter(b -> b != a)
                    .flatMap(
                        b ->
                            IntStream.of(1, 2, 3, 4, 5, 8, 9, 16, 17, 33, 40)
                                .mapToObj(n -> Arguments.of(a, b, n))));
  }

  @ParameterizedTest(name = "{2} x {0}, then {1}")
  @MethodSource("runsThenAnotherKind")
  void aRunOfOneKindThenAnother_eachEntryRunsAsRegistered(Way a, Way b, int n) {
    ExitStack stack = new ExitStack();
    List<String> expected = new ArrayList<>();
    int id = 0;
    for (Way way : plan(a, b, n)) {
      String name = way + "-" + id++;
      register(stack, way, name);
      expected.add(0, expectedLine(way, name));
    }
    IllegalStateException body = new IllegalStateException("body");

    Throwable thrown = catchThrowable(() -> stack.close(body));

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).isEqualTo(expected);
  }

  @Test
  void aStackOfHandlesOnly_dropsFinishedOnesWhenFull_andRunsTheRestInOrder() {
    ExitStack stack = new ExitStack();
    List<Registration<CleanupAction>> registrations = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String name = "h" + i;
      registrations.add(stack.handles().callback(() -> log.add(name)));
      if (i % 3 == 0) {
        assertThat(registrations.get(i).cancel()).isTrue();
      }
    }

    stack.close();

    List<String> expected = new ArrayList<>();
    for (int i = 99; i >= 0; i--) {
      if (i % 3 != 0) {
        expected.add("h" + i);
      }
    }
    assertThat(log).isEqualTo(expected);
  }

  @Test
  void aReusedStack_takesTheKindOfItsNewRegistrations() {
    ExitStack stack = new ExitStack();
    for (int i = 0; i < 6; i++) {
      stack.callback(() -> log.add("callback"));
    }
    stack.close();
    log.clear();
    IllegalStateException body = new IllegalStateException("body");
    for (int i = 0; i < 6; i++) {
      register(stack, Way.HANDLER, "handler" + i);
    }

    assertThat(catchThrowable(() -> stack.close(body))).isSameAs(body);

    assertThat(body.getSuppressed()).isEmpty();
    assertThat(log).hasSize(6).allMatch(line -> line.endsWith("saw body"));
  }

  /** n of {@code a}, three of {@code b}, n of {@code a}. */
  private static List<Way> plan(Way a, Way b, int n) {
    List<Way> plan = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      plan.add(a);
    }
    for (int i = 0; i < 3; i++) {
      plan.add(b);
    }
    for (int i = 0; i < n; i++) {
      plan.add(a);
    }
    return plan;
  }

  private void register(ExitStack stack, Way way, String name) {
    switch (way) {
      case RESOURCE -> stack.register((AutoCloseable) () -> log.add(name));
      case CALLBACK -> stack.callback(() -> log.add(name));
      case HANDLER -> stack.push(failure -> exit(name, failure));
      case MANAGER ->
          stack.enterContext(
              new ContextManager<String>() {
                @Override
                public String enter() {
                  return name;
                }

                @Override
                public boolean exit(@Nullable Throwable failure) {
                  return StackStorageTest.this.exit(name, failure);
                }
              });
      case HANDLE -> stack.handles().callback(() -> log.add(name));
    }
  }

  private boolean exit(String name, @Nullable Throwable failure) {
    log.add(name + " saw " + (failure == null ? "nothing" : failure.getMessage()));
    return false;
  }

  private static String expectedLine(Way way, String name) {
    return way == Way.HANDLER || way == Way.MANAGER ? name + " saw body" : name;
  }
}
