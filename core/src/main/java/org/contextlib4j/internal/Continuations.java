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

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/*
 * Overview: the one internal JDK API the library uses, opt-in and with a fallback.
 *
 * jdk.internal.vm.Continuation (JDK 21+, the machinery under virtual threads) runs a Runnable as a
 * continuation mounted on the calling thread; Continuation.yield(scope) suspends it and returns
 * from run(), and the next run() resumes it, on whichever thread calls it. The library is compiled
 * with --release 17, so the class is reached through method handles found once, here, at class
 * initialisation, with MethodHandles.lookup() (publicLookup sees only unconditional exports). The
 * user opts in by exporting the package: --add-exports java.base/jdk.internal.vm=org.contextlib4j
 * on the module path, =ALL-UNNAMED on the class path. Without it the first find* throws
 * IllegalAccessException; on a JDK without the class (17, or one that removes it) forName throws;
 * on a JVM that runs with -XX:-VMContinuations the probe's run throws. Each of these leaves MODE
 * at THREADS with the reason in UNAVAILABLE, and GeneratorContextManager uses helper threads.
 *
 * One scope for all managers: Continuation.yield(SCOPE) suspends the innermost mounted
 * continuation of that scope, which is the manager whose body is running (a manager entered inside
 * another's body is mounted inside it, and is unmounted again before the outer body continues).
 */

/**
 * The continuations behind split mode of generator-style managers, when the JVM lets the library
 * use them; see {@link #active()}.
 */
public final class Continuations {
  private Continuations() {}

  /**
   * The system property that chooses how split mode runs a body: {@code auto} (the default:
   * continuations when available, else helper threads), {@code threads} (always helper threads,
   * e.g. to diagnose), or {@code continuations} (required: entering a manager in split mode throws
   * {@link IllegalStateException} with the reason if they are not available).
   */
  public static final String PROPERTY = "org.contextlib4j.splitMode";

  /** How split mode runs; fixed at class initialisation. */
  public enum Mode {
    /** Bodies run as continuations mounted on the caller's thread. */
    CONTINUATIONS,
    /** Bodies run on helper threads. */
    THREADS,
    /** Continuations were required by the property, and are not available. */
    REQUIRED_BUT_UNAVAILABLE
  }

  private static final @Nullable MethodHandle NEW; // (Runnable)Object, the scope bound
  private static final @Nullable MethodHandle RUN; // (Object)void
  private static final @Nullable MethodHandle YIELD; // ()boolean, the scope bound
  private static final @Nullable MethodHandle CURRENT; // ()Object, the scope bound

  /** Why continuations are not used, or null if they are. */
  private static final @Nullable String UNAVAILABLE;

  private static final Mode MODE;

  static {
    MethodHandle[] handles = new MethodHandle[4];
    String reason =
        probe("jdk.internal.vm.Continuation", "jdk.internal.vm.ContinuationScope", handles);
    String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    if (wanted.equals("threads")) {
      reason = "the system property " + PROPERTY + " is \"threads\"";
    }
    if (reason == null) {
      NEW = handles[0];
      RUN = handles[1];
      YIELD = handles[2];
      CURRENT = handles[3];
      MODE = Mode.CONTINUATIONS;
    } else {
      NEW = null;
      RUN = null;
      YIELD = null;
      CURRENT = null;
      MODE = wanted.equals("continuations") ? Mode.REQUIRED_BUT_UNAVAILABLE : Mode.THREADS;
    }
    UNAVAILABLE = reason;
  }

  /** {@return how split mode runs bodies in this JVM} */
  public static Mode mode() {
    return MODE;
  }

  /** {@return whether split mode runs bodies as continuations} */
  public static boolean active() {
    return MODE == Mode.CONTINUATIONS;
  }

  /** {@return why continuations are not used, or null if they are} */
  public static @Nullable String unavailableReason() {
    return UNAVAILABLE;
  }

  /**
   * Finds the handles and runs a continuation that yields once, to check that this JVM runs them.
   *
   * @param continuation the class name of {@code Continuation} (a parameter, so that a test can
   *     name a class that does not exist, as on a JDK that removed it)
   * @param scope the class name of {@code ContinuationScope}
   * @param out receives new, run, yield and current, the scope bound, if the probe succeeds
   * @return null if continuations work, else why not
   */
  static @Nullable String probe(String continuation, String scope, MethodHandle[] out) {
    try {
      Class<?> c = Class.forName(continuation);
      Class<?> s = Class.forName(scope);
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Object theScope =
          lookup.findConstructor(s, methodType(void.class, String.class)).invoke("contextlib4j");
      MethodHandle make =
          MethodHandles.insertArguments(
                  lookup.findConstructor(c, methodType(void.class, s, Runnable.class)), 0, theScope)
              .asType(methodType(Object.class, Runnable.class));
      MethodHandle run =
          lookup
              .findVirtual(c, "run", methodType(void.class))
              .asType(methodType(void.class, Object.class));
      MethodHandle yield =
          MethodHandles.insertArguments(
              lookup.findStatic(c, "yield", methodType(boolean.class, s)), 0, theScope);
      MethodHandle current =
          MethodHandles.insertArguments(
                  lookup.findStatic(c, "getCurrentContinuation", methodType(c, s)), 0, theScope)
              .asType(methodType(Object.class));
      MethodHandle done =
          lookup
              .findVirtual(c, "isDone", methodType(boolean.class))
              .asType(methodType(boolean.class, Object.class));
      // A continuation that yields once: run, resume, done. Anything else means we cannot use them.
      int[] steps = new int[1];
      Object[] self = new Object[1];
      Object probe =
          make.invoke(
              (Runnable)
                  () -> {
                    steps[0]++;
                    try {
                      boolean yielded = (boolean) yield.invokeExact();
                      if (yielded && current.invoke() == self[0]) {
                        steps[0]++;
                      }
                    } catch (Throwable t) {
                      steps[0] = -1;
                    }
                  });
      self[0] = probe;
      run.invoke(probe);
      boolean suspended = steps[0] == 1 && !(boolean) done.invoke(probe);
      run.invoke(probe);
      if (!suspended || steps[0] != 2 || !(boolean) done.invoke(probe)) {
        return "a probe continuation did not suspend and resume as expected";
      }
      out[0] = make;
      out[1] = run;
      out[2] = yield;
      out[3] = current;
      return null;
    } catch (ClassNotFoundException e) {
      return "this JDK has no " + e.getMessage() + " (JDK 21 or later is needed)";
    } catch (IllegalAccessException e) {
      return "java.base does not export jdk.internal.vm to the library: run with --add-exports"
          + " java.base/jdk.internal.vm=org.contextlib4j (module path) or =ALL-UNNAMED (class"
          + " path)";
    } catch (Throwable e) {
      return "continuations are not usable here: " + e;
    }
  }

  /**
   * A new continuation that runs {@code task}. Only when {@link #active()}.
   *
   * @param task what it runs
   * @return the continuation
   */
  public static Object create(Runnable task) {
    try {
      return (Object) nonNull(NEW).invokeExact(task);
    } catch (Throwable t) {
      throw Throwables.sneakyThrow(t);
    }
  }

  /**
   * Mounts {@code continuation} on this thread and runs it until it yields or ends.
   *
   * @param continuation from {@link #create}
   */
  public static void run(Object continuation) {
    try {
      nonNull(RUN).invokeExact(continuation);
    } catch (Throwable t) {
      throw Throwables.sneakyThrow(t);
    }
  }

  /**
   * Suspends {@code self}, which must be the innermost mounted continuation of the library.
   *
   * @param self the continuation that calls this
   * @return null once resumed, or why it could not suspend (pinned: a native frame or a critical
   *     section on its stack, or a held monitor on JDKs that pin on them)
   * @throws IllegalStateException if {@code self} is not the continuation running here
   */
  public static @Nullable String suspend(Object self) {
    try {
      if ((Object) nonNull(CURRENT).invokeExact() != self) {
        throw new IllegalStateException(
            "Yielder.yield called outside its own body (from another thread, or from the body of"
                + " another manager entered inside it)");
      }
      boolean yielded = (boolean) nonNull(YIELD).invokeExact();
      return yielded ? null : "pinned";
    } catch (IllegalStateException pinned) {
      // Continuation.onPinned throws "Pinned: MONITOR", "Pinned: NATIVE", ...
      if (pinned.getMessage() != null && pinned.getMessage().startsWith("Pinned")) {
        return pinned.getMessage();
      }
      throw pinned;
    } catch (Throwable t) {
      throw Throwables.sneakyThrow(t);
    }
  }

  private static MethodHandle nonNull(@Nullable MethodHandle handle) {
    if (handle == null) {
      throw new IllegalStateException("continuations are not available: " + UNAVAILABLE);
    }
    return handle;
  }
}
