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
package org.contextlib4j.reliability;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.contextlib4j.CleanupAction;
import org.contextlib4j.ConcurrentExitStack;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@link ConcurrentExitStack} (issue 6), checked by lincheck against the same
 * class run sequentially.
 *
 * <p>The operations are registrations ({@code callback} with a cleanup that records its id, or that
 * records it and throws; {@code handles().callback} with one that records it), {@code close} and
 * {@code popAll} (whose result is closed at once). Each operation returns what the caller can
 * observe: a registration whether it was accepted or rejected (and, if rejected, what its cleanup
 * did on the spot); a close which cleanups ran on its thread during the call and which failures it
 * threw (primary and suppressed), both sorted.
 *
 * <p>Sorted, because a close is not atomic: a registration that arrives from another thread while
 * it unwinds runs in that same unwinding, between cleanups registered earlier; as a set, that is
 * exactly "the registration came before the close". Everything else must match a sequential run: a
 * cleanup that is lost (registered, then missing from the close that followed), run twice, or run
 * by the wrong call, and a late registration that is accepted and never run, are all
 * non-linearizable results. The order of the cleanups is checked by the unit tests in core.
 */
@Param(name = "id", gen = IntGen.class, conf = "1:3")
public class ConcurrentExitStackLincheckTest {

  /** The ids of the cleanups that ran on this thread since the current operation started. */
  private static final ThreadLocal<List<Integer>> RAN = ThreadLocal.withInitial(ArrayList::new);

  private final ConcurrentExitStack stack = new ConcurrentExitStack();

  /** Lincheck creates instances reflectively. */
  public ConcurrentExitStackLincheckTest() {}

  /** A cleanup's failure, carrying its id. */
  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int id;

    Boom(int id) {
      super("cleanup " + id + " failed", null, true, false);
      this.id = id;
    }
  }

  /** Registers a cleanup that records {@code id}. */
  @Operation
  public String callback(@Param(name = "id") int id) {
    return register(id, false, false);
  }

  /** Registers a cleanup that records {@code id}, then throws. */
  @Operation
  public String failingCallback(@Param(name = "id") int id) {
    return register(id, true, false);
  }

  /** Registers a cleanup that records {@code id} as a handle: another path into the stack. */
  @Operation
  public String handleCallback(@Param(name = "id") int id) {
    return register(id, false, true);
  }

  /** Closes the stack; returns which cleanups ran during the call, and what it threw. */
  @Operation
  public String close() {
    RAN.get().clear();
    Throwable thrown = null;
    try {
      stack.close();
    } catch (RuntimeException e) {
      thrown = e;
    }
    return "closed " + outcome(thrown);
  }

  /** Moves the registrations to a new stack and closes that one at once. */
  @Operation
  public String popAllAndClose() {
    ConcurrentExitStack moved = stack.popAll();
    RAN.get().clear();
    Throwable thrown = null;
    try {
      moved.close();
    } catch (RuntimeException e) {
      thrown = e;
    }
    return "popped " + outcome(thrown);
  }

  private String register(int id, boolean fails, boolean asHandle) {
    RAN.get().clear();
    CleanupAction cleanup =
        () -> {
          RAN.get().add(id);
          if (fails) {
            throw new Boom(id);
          }
        };
    try {
      if (asHandle) {
        var unused = stack.handles().callback(cleanup);
      } else {
        stack.callback(cleanup);
      }
      return "registered";
    } catch (IllegalStateException rejected) {
      return "rejected " + outcome(rejected);
    }
  }

  /** The ids that ran on this thread, sorted, and the ids of the failures in {@code thrown}. */
  private static String outcome(@Nullable Throwable thrown) {
    List<Integer> ran = new ArrayList<>(RAN.get());
    Collections.sort(ran);
    List<String> failures = new ArrayList<>();
    if (thrown != null) {
      failures.add(label(thrown));
      for (Throwable s : thrown.getSuppressed()) {
        failures.add(label(s));
      }
      Collections.sort(failures);
    }
    return "ran=" + ran + " failures=" + failures;
  }

  private static String label(Throwable t) {
    return t instanceof Boom boom
        ? "boom" + boom.id
        : t.getClass().getSimpleName() + " with " + t.getSuppressed().length + " suppressed";
  }

  @Test
  void isLinearizable_underModelChecking() {
    new ModelCheckingOptions()
        // The unwind engine's check for room on the thread's stack recurses a fixed depth; to the
        // model checker any recursion looks like a livelock.
        .addGuarantee(forClasses("org.contextlib4j.internal.Unwinding").methods("room").ignore())
        .iterations(5)
        .invocationsPerIteration(100)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(1)
        .check(ConcurrentExitStackLincheckTest.class);
  }

  @Test
  void isLinearizable_underStress() {
    new StressOptions()
        .iterations(20)
        .invocationsPerIteration(1_000)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(1)
        .check(ConcurrentExitStackLincheckTest.class);
  }
}
