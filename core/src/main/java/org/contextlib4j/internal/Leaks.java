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

import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The leak detector behind {@code org.contextlib4j.LeakDetection}. Off, it costs a read of {@link
 * #enabled} when a tracked object is created and, when it becomes non-empty or empty, a read of a
 * flag: the stacks' own, set when they were tracked (a volatile read there kept C2 from removing a
 * stack's array), the generator-style managers' {@link #used}. No allocation. On, each tracked
 * object gets a {@link Tracker} holding the stack trace of its creation, found through a weak
 * identity map, and a {@link Cleaner} reports the object if it becomes unreachable while its
 * tracker says cleanups are pending.
 */
public final class Leaks {
  private Leaks() {}

  /** The system property that turns detection on at start-up when set to {@code true}. */
  public static final String PROPERTY = "org.contextlib4j.leakDetection";

  /** The name of the {@link System.Logger} that reports leaks. */
  public static final String LOGGER = "org.contextlib4j.leaks";

  /** Whether objects created from now on are tracked. */
  public static volatile boolean enabled = Boolean.getBoolean(PROPERTY);

  /**
   * Whether any object may be tracked: {@link #enabled} was true at some point. The generator-style
   * managers record their changes of state while this is true (the stacks while they are tracked),
   * so that an object tracked before detection was turned off is not reported for cleanups it has
   * since run.
   */
  public static volatile boolean used = enabled;

  /** Turns tracking of new objects on or off. */
  public static void enable(boolean on) {
    if (on) {
      used = true;
    }
    enabled = on;
  }

  // Tracked objects do not override equals/hashCode, so this is an identity map.
  private static final Map<Object, Tracker> TRACKERS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Created on first use: no thread is started unless detection is turned on. */
  private static final class Holder {
    static final Cleaner CLEANER = Cleaner.create();
  }

  /**
   * Starts tracking {@code owner}, created just now, if detection is on. Call it only after reading
   * {@link #enabled} as true, so that the caller's fast path does not pass {@code this} anywhere.
   *
   * @param owner the object to watch
   * @param what how a report names it, e.g. {@code "ExitStack"}
   * @param unreleased what a report says happened to the pending cleanups
   * @param fix what a report tells the user to do instead, e.g. {@code "Close it (...)"}
   */
  public static void track(Object owner, String what, String unreleased, String fix) {
    Tracker tracker =
        new Tracker(what, unreleased + ". " + fix, new Throwable(what + " created here"));
    TRACKERS.put(owner, tracker);
    Holder.CLEANER.register(owner, tracker);
  }

  /**
   * Records whether {@code owner} has cleanups pending; does nothing if it is not tracked. Call it
   * only after reading {@link #used} as true.
   *
   * @param owner a tracked object
   * @param pending whether it now has cleanups that would be lost if it were dropped
   */
  public static void pending(Object owner, boolean pending) {
    Tracker tracker = TRACKERS.get(owner);
    if (tracker != null) {
      tracker.pending = pending;
    }
  }

  /**
   * {@return where {@code owner} was created, as the first frame of its recorded creation outside
   * the library ({@code "com.example.Jobs.nightly(Jobs.java:42)"}), or null if it is not tracked}
   * For error messages only: it reads the trace recorded by {@link #track}, so it costs nothing
   * unless detection was on when {@code owner} was created.
   */
  public static @Nullable String createdAt(Object owner) {
    if (!used) {
      return null;
    }
    Tracker tracker = TRACKERS.get(owner);
    if (tracker == null) {
      return null;
    }
    for (StackTraceElement frame : tracker.created.getStackTrace()) {
      if (!isLibrary(frame.getClassName())) {
        // Not frame.toString(), which may start with a class loader and module name.
        return frame.getClassName()
            + "."
            + frame.getMethodName()
            + "("
            + (frame.getFileName() == null
                ? "Unknown Source"
                : frame.getFileName() + ":" + frame.getLineNumber())
            + ")";
      }
    }
    return null;
  }

  /** Whether {@code className} is one of the library's own classes (loaded from its jar). */
  private static boolean isLibrary(String className) {
    if (!className.startsWith("org.contextlib4j.")) {
      return false;
    }
    try {
      Class<?> type = Class.forName(className, false, Leaks.class.getClassLoader());
      return Objects.equals(
          type.getProtectionDomain().getCodeSource(),
          Leaks.class.getProtectionDomain().getCodeSource());
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return false;
    }
  }

  /** What the cleaner runs: it must not refer to the tracked object. */
  private static final class Tracker implements Runnable {
    private final String what;
    private final String unreleased;
    private final Throwable created;
    volatile boolean pending;

    Tracker(String what, String unreleased, Throwable created) {
      this.what = what;
      this.unreleased = unreleased;
      this.created = created;
    }

    @Override
    public void run() {
      if (pending) {
        report(what, unreleased, created);
      }
    }
  }

  /** Where reports go; replaced by tests of the library only (this package is not exported). */
  public interface Reporter {
    /**
     * Reports one leak.
     *
     * @param message what leaked and what happens to its cleanups
     * @param created the stack trace of its creation
     */
    void report(String message, Throwable created);
  }

  /** The default: {@link System.Logger} {@value #LOGGER}, at {@code WARNING}. */
  public static final Reporter SYSTEM_LOGGER =
      (message, created) ->
          System.getLogger(LOGGER).log(System.Logger.Level.WARNING, message, created);

  /** Where reports go now. */
  public static volatile Reporter reporter = SYSTEM_LOGGER;

  private static void report(String what, String unreleased, Throwable created) {
    reporter.report(
        "LEAK: "
            + what
            + " became unreachable with cleanups pending; "
            + unreleased
            + ". Where it was created is attached.",
        created);
  }
}
