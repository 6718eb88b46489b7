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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.contextlib4j.ExitStackContract.Boom;
import org.contextlib4j.Unwinds.Close;
import org.contextlib4j.Unwinds.Exit;
import org.contextlib4j.Unwinds.Stack;
import org.contextlib4j.internal.Hostile;
import org.contextlib4j.internal.Hostile.Broken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, item 3, on every stack: an exception whose {@code getCause} throws, overflows, returns
 * itself or makes a fresh exception on every call, or whose {@code toString}, {@code getMessage} or
 * {@code getStackTrace} throws, neither stops the unwinding nor is lost, wherever it comes from:
 * the block, a plain cleanup or an exit. Every cleanup runs once.
 */
class HostileThrowableTest {

  enum Kind {
    THROWING_CAUSE,
    CAUSE_THAT_OVERFLOWS,
    SELF_CAUSE,
    FRESH_CAUSE,
    THROWING_TEXT,
    THROWING_STACK_TRACE;

    Broken make(String message) {
      return switch (this) {
        case THROWING_CAUSE -> Hostile.throwingCause(message);
        case CAUSE_THAT_OVERFLOWS -> Hostile.causeThatOverflows(message);
        case SELF_CAUSE -> Hostile.selfCause(message);
        case FRESH_CAUSE -> Hostile.freshCause(message, 1_000_000);
        case THROWING_TEXT -> Hostile.throwingText(message);
        case THROWING_STACK_TRACE -> Hostile.throwingStackTrace(message);
      };
    }
  }

  static Stream<Arguments> kindsOnStacks() {
    List<Arguments> all = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (Stack stack : Stack.values()) {
        all.add(Arguments.of(kind, stack));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("kindsOnStacks")
  void hostileBlockException_keepsEveryFailureOfTheCleanupsAndExits(Kind kind, Stack stack) {
    Broken x = kind.make("body");
    Boom e = new Boom("close failed");
    Boom y = new Boom("exit");

    Unwinds.Outcome out = Unwinds.run(stack, x, List.of(new Exit(y), new Close(e)));

    assertThat(out.propagates(y, x).ran()).isEqualTo(2);
    assertThat(x.getSuppressed()).containsExactly(e);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("kindsOnStacks")
  void hostileExceptionsFromCleanupsAndExits_areKept(Kind kind, Stack stack) {
    Boom x = new Boom("body");
    Broken e = kind.make("close failed");
    Broken y = kind.make("exit");
    Broken e2 = kind.make("earlier close failed");

    Unwinds.Outcome out = Unwinds.run(stack, x, List.of(new Close(e2), new Exit(y), new Close(e)));

    assertThat(out.propagates(y, x, e2).ran()).isEqualTo(3);
    assertThat(x.getSuppressed()).containsExactly(e);
  }
}
