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
package org.contextlib4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The engine against a protocol of its own (no stack class): nested stacks are entered and left in
 * order, and when the machinery itself fails (here: the protocol's run throws), the close of every
 * stack the unwinding owns is given up, so that no other closer waits forever.
 */
class UnwindingTest {

  private static final byte LEAF = 0;
  private static final byte STACK = 1;
  private static final byte BROKEN = 2;

  /** A stack of the fake protocol: entries are leaf names, nested FakeStacks, or BROKEN. */
  private static final class FakeStack {
    final String name;
    final Deque<Object> entries = new ArrayDeque<>();
    final Deque<Byte> kinds = new ArrayDeque<>();

    FakeStack(String name) {
      this.name = name;
    }

    FakeStack add(Object entry, byte kind) {
      entries.push(entry);
      kinds.push(kind);
      return this;
    }
  }

  private final List<String> log = new ArrayList<>();

  private final Frames frames =
      new Frames() {
        @Override
        public int begin(Object stack) {
          String name = ((FakeStack) stack).name;
          if (name.startsWith("unbeginnable")) {
            throw new AssertionError("the machinery failed in begin");
          }
          log.add("begin " + name);
          return OWNER;
        }

        @Override
        public boolean pop(Object stack, boolean owner, Unwinding into) {
          FakeStack s = (FakeStack) stack;
          if (s.entries.isEmpty()) {
            log.add("end " + s.name);
            return false;
          }
          into.taken(s.entries.pop(), s.kinds.pop());
          return true;
        }

        @Override
        public int flatTop(Object stack) {
          return CURSOR; // every entry through the cursor, which this test is about
        }

        @Override
        public int rootFlatTop(Object root) {
          return CURSOR;
        }

        @Override
        public Object flatStorage(Object root) {
          return root;
        }

        @Override
        public boolean refill(Object root, boolean owner) {
          throw new UnsupportedOperationException(); // rootFlatTop never says REFILL here
        }

        @Override
        public Object peekFlat(Object stack) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Object popFlat(Object stack) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean isLeaf(Object entry, byte kind) {
          return kind != STACK;
        }

        @Override
        public void end(Object stack) {
          throw new UnsupportedOperationException(); // only after flatTop found a stack empty
        }

        @Override
        public void abandon(Object stack) {
          log.add("abandon " + ((FakeStack) stack).name);
        }

        @Override
        public void restore(Object stack, Object entry, byte kind) {
          FakeStack s = (FakeStack) stack;
          s.add(entry, kind);
          log.add(
              "restore "
                  + (entry instanceof FakeStack nested ? nested.name : entry)
                  + " onto "
                  + s.name);
        }

        @Override
        public @Nullable Object nested(Unwinding u) {
          return u.kind() == STACK ? u.entry() : null;
        }

        @Override
        public boolean isAsync(byte kind) {
          return false;
        }

        @Override
        public @Nullable Throwable run(
            Object entry, byte kind, @Nullable Throwable inFlight, boolean resetInterrupt) {
          if (kind == BROKEN) {
            throw new AssertionError("the machinery failed");
          }
          log.add("run " + entry);
          return inFlight;
        }

        @Override
        public CompletionStage<?> start(
            Object entry, byte kind, @Nullable Throwable inFlight, boolean resetInterrupt) {
          throw new UnsupportedOperationException();
        }

        @Override
        public @Nullable Throwable fold(
            Object entry,
            byte kind,
            @Nullable Throwable inFlight,
            @Nullable Object value,
            @Nullable Throwable failure,
            boolean resetInterrupt) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean reportsInFlight(Object entry, byte kind) {
          return false;
        }

        @Override
        public @Nullable Duration timeoutOf(Object entry) {
          return null;
        }
      };

  @Test
  void nestedStacks_areEnteredInPlace_andLeftInOrder() {
    FakeStack inner = new FakeStack("inner").add("i1", LEAF).add("i2", LEAF);
    FakeStack root = new FakeStack("root").add("r1", LEAF).add(inner, STACK).add("r2", LEAF);

    assertThat(Unwinding.unwind(frames, root, null)).isNull();
    assertThat(log)
        .containsExactly(
            "begin root",
            "run r2",
            "begin inner",
            "run i2",
            "run i1",
            "end inner",
            "run r1",
            "end root");
  }

  @Test
  void
      machineryFailure_givesUpTheCloseOfEveryStackItOwns_andPutsEachNestedStackBack_innermostFirst() {
    FakeStack inner = new FakeStack("inner").add("i1", LEAF).add("broken", BROKEN);
    FakeStack middle = new FakeStack("middle").add("m1", LEAF).add(inner, STACK);
    FakeStack root = new FakeStack("root").add("r1", LEAF).add(middle, STACK);

    assertThat(catchThrowable(() -> Unwinding.unwind(frames, root, null)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("the machinery failed");
    assertThat(log)
        .containsExactly(
            "begin root",
            "begin middle",
            "begin inner",
            "abandon inner",
            "restore inner onto middle",
            "abandon middle",
            "restore middle onto root",
            "abandon root");
    // what has not run is where a later close finds it (the broken entry counts as run)
    assertThat(root.entries).containsExactly(middle, "r1");
    assertThat(middle.entries).containsExactly(inner, "m1");
    assertThat(inner.entries).containsExactly("i1");
  }

  @Test
  void machineryFailure_beforeANestedStackIsEntered_putsItBackWhereItWas() {
    FakeStack unbeginnable = new FakeStack("unbeginnable").add("u1", LEAF);
    FakeStack root = new FakeStack("root").add("r1", LEAF).add(unbeginnable, STACK);

    assertThat(catchThrowable(() -> Unwinding.unwind(frames, root, null)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("the machinery failed in begin");
    assertThat(log).containsExactly("begin root", "restore unbeginnable onto root", "abandon root");
    assertThat(root.entries).containsExactly(unbeginnable, "r1");
    assertThat(unbeginnable.entries).containsExactly("u1");
  }

  @Test
  void aLoneEntryThatIsAStack_isUnwoundInPlace_andOwnsNothingElse() {
    FakeStack inner = new FakeStack("inner").add("i1", LEAF).add("broken", BROKEN);

    assertThat(catchThrowable(() -> Unwinding.runEntry(frames, inner, STACK, null)))
        .isInstanceOf(AssertionError.class);
    assertThat(log).containsExactly("begin inner", "abandon inner");
  }
}
