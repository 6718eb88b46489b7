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
import org.contextlib4j.ExitStackContract.Boom;
import org.contextlib4j.Unwinds.Close;
import org.contextlib4j.Unwinds.Stack;
import org.contextlib4j.Unwinds.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, item 6(a): a plain cleanup whose exception is reachable already from the exception in
 * flight attaches nothing, so the same instance thrown by two cleanups (a resource registered
 * twice, a close that rethrows the failure it cached) is attached once, and a close that rethrows
 * the block's cause adds nothing. Before, the plain cleanup rule had no such check (it walked
 * nothing, to stay linear) and attached it again.
 */
class SameExceptionTwiceTest {

  @ParameterizedTest
  @EnumSource(Stack.class)
  void sameExceptionFromTwoCleanups_isAttachedOnce(Stack stack) {
    Boom x = new Boom("body");
    Boom e = new Boom("cached close failure");

    Unwinds.Outcome out = Unwinds.run(stack, x, List.of(new Close(e), new Close(e)));

    assertThat(out.propagates(x, e).ran()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void sameExceptionFromCleanupsAmongOthers_isAttachedOnce_inOrderOfFirstArrival(Stack stack) {
    Boom x = new Boom("body");
    Boom a = new Boom("a");
    Boom b = new Boom("b");
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      steps.add(new Close(a));
      steps.add(new Close(b));
      steps.add(new Close(new Boom("fresh " + i)));
    }

    Unwinds.Outcome out = Unwinds.run(stack, x, steps);

    assertThat(out.ran()).isEqualTo(15);
    assertThat(x.getSuppressed()).hasSize(7);
    assertThat(x.getSuppressed()[0].getMessage()).isEqualTo("fresh 4");
    assertThat(x.getSuppressed()[1]).isSameAs(b);
    assertThat(x.getSuppressed()[2]).isSameAs(a);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void cleanupThatRethrowsTheCauseOfTheExceptionInFlight_attachesNothing(Stack stack) {
    Boom cause = new Boom("read failed");
    Boom x = new Boom("body", cause);

    Unwinds.run(stack, x, List.of(new Close(cause))).propagates(x);
  }

  @ParameterizedTest
  @EnumSource(Stack.class)
  void sameExceptionFromTwoCleanups_withNothingInFlight_propagatesAlone(Stack stack) {
    Boom e = new Boom("cached close failure");

    Unwinds.run(stack, null, List.of(new Close(e), new Close(e))).propagates(e);
  }
}
