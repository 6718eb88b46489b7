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

import org.contextlib4j.internal.Leaks;

/**
 * Opt-in detection of stacks and entered managers that are dropped with cleanups pending: the
 * missing {@code close()} that try-with-resources would have made impossible, found in a test run
 * or in staging instead of as a leaked connection in production.
 *
 * <p>When detection is on, every {@link ExitStack}, {@link AsyncExitStack}, {@link
 * ConcurrentExitStack} and generator-style manager ({@link Contexts#contextManager}, {@link
 * Contexts#asyncContextManager}) created from then on records the stack trace of its creation. If
 * it becomes unreachable while it still has cleanups to run (a stack with registrations, a manager
 * entered but not exited), a message is logged at {@link System.Logger.Level#WARNING} through the
 * {@link System.Logger} named {@value #LOGGER_NAME}, with that stack trace attached as the
 * exception. (By default {@code System.Logger} writes to {@code java.util.logging}; SLF4J, Log4j
 * and others provide bridges.) The cleanups of a dropped stack never run. A dropped generator-style
 * manager whose body runs on a helper thread is closed, as Python closes a collected generator, on
 * a cleaner thread and without the block's exception; one whose body is a continuation (see {@link
 * Contexts#contextManager}) is collected with all its body references, and its body's {@code
 * finally} clauses never run.
 *
 * <pre>{@code
 * // in a test's set-up, or with -Dorg.contextlib4j.leakDetection=true on the command line
 * LeakDetection.enable();
 * }</pre>
 *
 * <p>Reports come when the garbage collector finds the object unreachable, so possibly late, or
 * never if the program ends first. A report means a real leak, with one kind of false alarm: a
 * stack whose every registration was cancelled or run early through a {@link Registration} handle
 * still holds their slots until it closes (or sweeps them as it grows), so dropping it unclosed is
 * reported although nothing was lost. Closing such a stack, as it should be anyway, avoids it. The
 * absence of a report proves nothing.
 *
 * <p><b>Cost:</b> off (the default), a tracked object pays one read of a volatile field when it is
 * created and when it becomes non-empty or empty, and no memory (measured in docs/benchmarks.md).
 * On, each one pays for a stack trace and a weak map entry: a debugging aid, not for production hot
 * paths.
 *
 * <p><b>Thread safety:</b> the methods may be called from any thread; objects created after {@link
 * #enable()} returns are tracked, objects created after {@link #disable()} returns are not (those
 * already tracked still are).
 *
 * <p>Python: no equivalent; CPython documents that an {@code ExitStack} that is garbage collected
 * does not run its callbacks, and warns about unclosed files with a {@code ResourceWarning}.
 *
 * @since 0.1.0
 */
public final class LeakDetection {
  private LeakDetection() {}

  /** The system property that turns detection on at start-up when set to {@code true}. */
  public static final String PROPERTY = Leaks.PROPERTY;

  /** The name of the {@link System.Logger} through which leaks are reported. */
  public static final String LOGGER_NAME = Leaks.LOGGER;

  /** Tracks the stacks and generator-style managers created from now on. */
  public static void enable() {
    Leaks.enable(true);
  }

  /** Stops tracking new ones; those already tracked are still reported. */
  public static void disable() {
    Leaks.enable(false);
  }

  /** {@return whether objects created now are tracked} */
  public static boolean isEnabled() {
    return Leaks.enabled;
  }
}
