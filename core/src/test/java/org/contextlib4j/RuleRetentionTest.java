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

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.contextlib4j.ExitStackContract.Boom;
import org.contextlib4j.Unwinds.Close;
import org.contextlib4j.Unwinds.Stack;
import org.contextlib4j.Unwinds.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, item 5: the rule remembers, per thread, what it learned about the exception it last
 * attached to (so as not to walk it at every attach), but only through a weak reference: once an
 * unwinding is over and its exceptions are dropped, they are collected, cycles included. A design
 * guard, not a regression test.
 */
class RuleRetentionTest {

  @ParameterizedTest
  @EnumSource(Stack.class)
  void exceptionsOfAnUnwindingThatIsOver_areCollected(Stack stack) {
    List<WeakReference<Throwable>> refs = unwindAndDrop(stack);
    for (WeakReference<Throwable> ref : refs) {
      GcTesting.awaitCollected(ref);
    }
  }

  private static List<WeakReference<Throwable>> unwindAndDrop(Stack stack) {
    Boom x = new Boom("body");
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      steps.add(new Close(new IOException("close failed " + i, x))); // a cycle through x
    }
    Throwable propagated = Unwinds.run(stack, x, steps).propagated();
    List<WeakReference<Throwable>> refs = new ArrayList<>();
    refs.add(new WeakReference<>(propagated));
    for (Throwable s : x.getSuppressed()) {
      refs.add(new WeakReference<>(s));
    }
    return refs;
  }
}
