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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contextlib4j.reliability.Injected.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The ledger of one run: every exception raised (injected, or a real failure of the JDK or H2),
 * every exception an exit deliberately swallowed, every resource opened. Thread-safe: async stages
 * write to it from pool threads. {@link #verify} checks the run's outcome against it.
 */
final class FaultRun {
  final long seed;
  final RealWorld world;

  private final List<Throwable> injected = new ArrayList<>();
  private final List<Throwable> real = new ArrayList<>();
  private final List<Throwable> swallowed = new ArrayList<>();
  private final List<Throwable> holdingNothing = new ArrayList<>();
  private int excused;
  private final List<Res> resources = new ArrayList<>();
  private final Map<Kind, Integer> injectedByKind = new EnumMap<>(Kind.class);
  private int fileIndex;

  FaultRun(long seed, RealWorld world) {
    this.seed = seed;
    this.world = world;
  }

  synchronized Throwable inject(Kind kind, String where) {
    Throwable t = kind.create("seed " + seed + ": injected #" + injected.size() + " at " + where);
    injected.add(t);
    if (kind.holdsNothing()) {
      holdingNothing.add(t);
    }
    injectedByKind.merge(kind, 1, Integer::sum);
    return t;
  }

  /** A real failure (not injected); it must not be lost either. Idempotent. */
  synchronized void real(Throwable t) {
    for (Throwable r : real) {
      if (r == t) {
        return;
      }
    }
    if (!(t instanceof Injected)) {
      real.add(t);
    }
  }

  /**
   * An exit returned true with {@code t} in flight: t (and all attached to it) is accounted for.
   */
  synchronized void swallowed(Throwable t) {
    swallowed.add(t);
  }

  synchronized Res track(Res resource) {
    resources.add(resource);
    return resource;
  }

  synchronized int nextFileIndex() {
    return fileIndex++;
  }

  synchronized int injectedCount() {
    return injected.size();
  }

  synchronized int realCount() {
    return real.size();
  }

  synchronized int swallowedCount() {
    return swallowed.size();
  }

  synchronized int resourceCount() {
    return resources.size();
  }

  synchronized Map<Kind, Integer> injectedByKind() {
    return new EnumMap<>(injectedByKind);
  }

  /** How many lost exceptions {@link #verify} excused: the rule's one unavoidable loss. */
  synchronized int excusedCount() {
    return excused;
  }

  synchronized boolean injectedAnInterrupt() {
    return injectedByKind.containsKey(Kind.INTERRUPTED);
  }

  /**
   * Checks the outcome of the run against the ledger; returns the problems found (none: passed).
   *
   * <ol>
   *   <li>every resource was closed exactly once, and the JDK (or H2) says it is released;
   *   <li>every raised exception is reachable from what propagated or from what an exit swallowed
   *       (walking causes and suppressed lists); except, the one loss the rule cannot avoid (issue
   *       11): an exception that can hold nothing, lost when it met another that can hold nothing
   *       (so only in a run that raised two of them);
   *   <li>what propagated, and everything reachable from it, is a raised exception itself (or part
   *       of a real failure's own graph): nothing was wrapped, nothing foreign was added;
   *   <li>no exception is attached twice in the propagated graph;
   *   <li>nothing an exit swallowed propagates (a suppression was not ignored).
   * </ol>
   */
  synchronized List<String> verify(@Nullable Throwable propagated) {
    List<String> problems = new ArrayList<>();
    for (Res r : resources) {
      if (r.closeCalls() != 1) {
        problems.add(r + " was closed " + r.closeCalls() + " times (expected once)");
      }
      if (!r.released()) {
        problems.add(r + " is still open (leak)");
      }
    }
    Set<Throwable> accounted = identitySet();
    List<String> duplicates = new ArrayList<>();
    Set<Throwable> fromPropagated = graph(propagated, duplicates);
    accounted.addAll(fromPropagated);
    for (Throwable s : swallowed) {
      for (Throwable t : graph(s, new ArrayList<>())) {
        accounted.add(t);
        if (fromPropagated.contains(t)) {
          problems.add(
              "swallowed by an exit, yet it propagated (suppression ignored?): "
                  + Injected.describe(t));
        }
      }
    }
    excused = 0;
    for (Throwable t : injected) {
      if (accounted.contains(t)) {
        continue;
      }
      if (holdingNothing.size() >= 2 && holdingNothing.contains(t)) {
        excused++;
      } else {
        problems.add("lost (neither propagated nor swallowed): " + Injected.describe(t));
      }
    }
    for (Throwable t : real) {
      if (!accounted.contains(t)) {
        problems.add("lost real failure: " + Injected.describe(t));
      }
    }
    Set<Throwable> allowed = identitySet();
    allowed.addAll(injected);
    for (Throwable t : real) {
      allowed.addAll(graph(t, new ArrayList<>()));
    }
    for (Throwable t : fromPropagated) {
      if (!allowed.contains(t)) {
        problems.add("foreign exception in what propagated (a wrapper?): " + Injected.describe(t));
      }
    }
    problems.addAll(duplicates);
    return problems;
  }

  /**
   * Everything reachable from {@code root} through causes and suppressed lists, by identity. A
   * {@code getCause} that throws counts as no cause, and the made-up causes of an {@link
   * Injected.InjectedFreshCause} are not followed (they are not exceptions of the run, and never
   * end).
   */
  static Set<Throwable> graph(@Nullable Throwable root, List<String> duplicates) {
    Set<Throwable> seen = identitySet();
    if (root == null) {
      return seen;
    }
    ArrayDeque<Throwable> work = new ArrayDeque<>();
    seen.add(root);
    work.push(root);
    while (!work.isEmpty()) {
      Throwable t = work.pop();
      List<Throwable> next = new ArrayList<>();
      Throwable cause = causeOf(t);
      if (cause != null) {
        next.add(cause);
      }
      Collections.addAll(next, t.getSuppressed());
      for (Throwable n : next) {
        if (seen.add(n)) {
          work.push(n);
        } else {
          duplicates.add(
              "reached twice (attached more than once, or a cycle): " + Injected.describe(n));
        }
      }
    }
    return seen;
  }

  private static @Nullable Throwable causeOf(Throwable t) {
    if (t instanceof Injected.InjectedFreshCause) {
      return null;
    }
    try {
      return t.getCause();
    } catch (RuntimeException broken) {
      return null;
    }
  }

  private static Set<Throwable> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
