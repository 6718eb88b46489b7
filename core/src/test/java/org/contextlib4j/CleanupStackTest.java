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
import static org.contextlib4j.AsyncTesting.join;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CleanupStack} (issue 13): one method taking "any stack" works with the three, and each
 * stack's {@code popAll} keeps its own class.
 */
class CleanupStackTest {

  private final List<String> log = new ArrayList<>();

  /** Code written once for every stack: the reason the interface exists. */
  private String openBoth(CleanupStack stack) {
    stack.callback(() -> log.add("callback"));
    stack.register(() -> log.add("closeable"));
    stack.push(failure -> log.add("exit saw " + failure));
    return stack.register("value", v -> log.add("released " + v));
  }

  @Test
  void oneMethodTakingACleanupStack_registersOnEachOfTheThreeStacks() {
    ExitStack sync = new ExitStack();
    ConcurrentExitStack concurrent = new ConcurrentExitStack();
    AsyncExitStack async = new AsyncExitStack();

    assertThat(openBoth(sync)).isEqualTo("value");
    sync.close();
    openBoth(concurrent);
    concurrent.close();
    openBoth(async);
    join(async.closeAsync());

    List<String> once = List.of("released value", "exit saw null", "closeable", "callback");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.addAll(once);
    }
    assertThat(log).isEqualTo(expected);
  }

  @Test
  void popAll_throughTheInterface_returnsAStackOfTheSameClass_holdingTheCleanups()
      throws Exception {
    for (CleanupStack stack :
        List.<CleanupStack>of(new ExitStack(), new ConcurrentExitStack(), new AsyncExitStack())) {
      stack.callback(() -> log.add(stack.getClass().getSimpleName()));

      CleanupStack moved = stack.popAll();

      assertThat(moved).isExactlyInstanceOf(stack.getClass()).isNotSameAs(stack);
      if (moved instanceof AsyncExitStack async) {
        join(async.closeAsync());
      } else {
        ((AutoCloseable) moved).close();
      }
    }
    assertThat(log).containsExactly("ExitStack", "ConcurrentExitStack", "AsyncExitStack");
  }

  @Test
  void handles_throughTheInterface_areTheStacksOwn() {
    AsyncExitStack async = new AsyncExitStack();
    CleanupStack any = async;

    assertThat(any.handles()).isInstanceOf(AsyncHandles.class);
    assertThat(new ExitStack().handles()).isExactlyInstanceOf(Handles.class);
  }
}
