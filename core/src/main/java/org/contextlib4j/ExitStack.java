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

import static org.contextlib4j.internal.Throwables.checkNotNull;
import static org.contextlib4j.internal.Throwables.sneakyThrow;

import org.contextlib4j.internal.ExceptionRule;
import org.jspecify.annotations.Nullable;

/**
 * A dynamic stack of cleanups, unwound in reverse order of registration, exactly like nested
 * try-with-resources blocks with the last registration innermost; unlike try-with-resources, the
 * number of resources is decided at run time, and an exit may see, suppress or replace the
 * exception in flight.
 *
 * <pre>{@code
 * try (ExitStack stack = new ExitStack()) {
 *   List<BufferedReader> readers = new ArrayList<>();
 *   for (Path path : paths) {
 *     readers.add(stack.register(Files.newBufferedReader(path)));
 *   }
 *   merge(readers);
 * } // every opened reader is closed, also when opening a later one failed
 * }</pre>
 *
 * <p>Registering {@code a}, then {@code b}, then {@code c} and closing the stack is equivalent to:
 *
 * <pre>{@code
 * try (a) {
 *   try (b) {
 *     try (c) {
 *       body();
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>except that an exception-aware entry ({@link #enterContext}, {@link #push(ExitHandler)}) gets
 * the exception in flight as a nested {@code with} statement in Python would. What can be put on
 * the stack:
 *
 * <ul>
 *   <li>{@link #enterContext(ContextManager)}: enters a manager and registers its exit;
 *   <li>{@link #push(ExitHandler)}, {@link #push(ContextManager)}: an exception-aware exit;
 *   <li>{@link #register(AutoCloseable)}, {@link #callback(CleanupAction)}: a plain cleanup.
 * </ul>
 *
 * <h2 id="with">try-with-resources or {@code Contexts.run}</h2>
 *
 * <p>Java's try-with-resources calls {@link #close()}, which is never told whether the block
 * failed: in it, every exit sees {@code null}. That is right for plain resources. When exits must
 * see the block's exception (a transaction that rolls back, an exit that suppresses), run the block
 * through {@link Contexts#run} or {@link Contexts#with}, Python's {@code with ExitStack() as
 * stack:}, which passes the block's exception to {@link #exit(Throwable)}:
 *
 * <pre>{@code
 * Contexts.run(new ExitStack(), stack -> {
 *   Connection c = stack.enterContext(new Transaction(dataSource));
 *   insertRows(c);            // if this throws, the transaction's exit sees it and rolls back
 * });
 * }</pre>
 *
 * <p>or catch the failure and hand it over with {@link #close(Throwable)}.
 *
 * <p>{@link #popAll()} hands every registration over to a new stack, so that a method can acquire
 * several resources and give them to its caller only if all succeeded:
 *
 * <pre>{@code
 * try (ExitStack stack = new ExitStack()) {
 *   Connection a = stack.register(open(first));
 *   Connection b = stack.register(open(second));   // if this throws, a is closed
 *   return new Pair(a, b, stack.popAll());          // success: the caller closes both later
 * }
 * }</pre>
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>The stack keeps one "exception in flight": the one passed to {@link #close(Throwable)} or
 * {@link #exit(Throwable)}, or none for {@link #close()}. Each cleanup sees and changes it as
 * follows, in this order of precedence:
 *
 * <ol>
 *   <li>Cleanups run in reverse order of registration, each exactly once, even when others throw
 *       (errors included). Each exception-aware exit sees the exception in flight at that moment,
 *       as left by the cleanups that ran before it.
 *   <li>An exit that returns {@code true} suppresses the exception in flight: the exits after it
 *       see {@code null}.
 *   <li>An exit that throws an exception Y replaces the exception X in flight: Y continues, and X
 *       is attached to Y with {@link Throwable#addSuppressed}, unless X is Y, X is already
 *       reachable from Y (for example as its cause), or attaching would make a cycle. Throwing X
 *       itself is not a replacement. (A generator-style manager, {@link Contexts#contextManager},
 *       is the exception: its exit is the body's own Java code, so what it throws is taken as is,
 *       and the body attaches X itself if it wants to.)
 *   <li>A plain cleanup (a registered {@link AutoCloseable} or a {@link CleanupAction}) that throws
 *       E while X is in flight does not replace X: X stays in flight and E is attached to it, as in
 *       try-with-resources; but a {@link VirtualMachineError} E is never hidden under an ordinary
 *       X: E becomes the exception in flight, with X attached. With nothing in flight, E becomes
 *       the exception in flight. An {@link InterruptedException} that ends up attached to another
 *       exception, or suppressed by an exit, sets the thread's interrupt status again. Unlike
 *       Python (where a failing callback replaces the exception, and CPython issue 102201 can drop
 *       one), no failure is ever dropped: every one is reachable from what propagates.
 *   <li>What is in flight when the last cleanup has run is thrown, as the same instance: checked
 *       exceptions too, without being declared or wrapped. Catch them with {@code catch (Exception
 *       e)}, or with their own type where the block also declares it.
 * </ol>
 *
 * <p>A stack registered on another stack (with {@link #push(ContextManager)} or {@link
 * #enterContext}) is unwound in place, as if its entries were the outer stack's; registered with
 * {@link #register(AutoCloseable)}, it is closed as a plain cleanup. Either way unwinding is a
 * loop, not a recursion: no depth of nesting and no number of entries can overflow the thread's
 * stack.
 *
 * <p>Unless noted, a {@code null} argument throws {@link NullPointerException} naming the
 * parameter, and nothing is registered.
 *
 * <h2 id="state">State and reuse</h2>
 *
 * <p>Closing is idempotent: it empties the stack, which can then be used again (as in Python). A
 * cleanup that registers more cleanups on the stack that is being unwound gets them run too, in
 * LIFO order, in the same unwinding.
 *
 * <p><b>Thread safety:</b> instances are not thread-safe. Register and close from one thread, or
 * synchronize externally; the cleanups run on the thread that closes the stack.
 *
 * <p>Python: {@code contextlib.ExitStack}.
 *
 * @since 0.1.0
 */
public final class ExitStack extends AbstractExitStack
    implements ContextManager<ExitStack>, AutoCloseable {

  /** Creates an empty stack. */
  public ExitStack() {}

  /**
   * {@return this stack} Entering a stack does nothing else.
   *
   * <p>Python: {@code ExitStack.__enter__}.
   */
  @Override
  public ExitStack enter() {
    return this;
  }

  /**
   * Moves every registration to a new stack, in one step, and leaves this one empty and usable.
   *
   * <p>Python: {@code ExitStack.pop_all}.
   *
   * @return a new stack that owns every cleanup this one had
   */
  public ExitStack popAll() {
    ExitStack moved = new ExitStack();
    moveTo(moved);
    return moved;
  }

  /**
   * Unwinds the stack as if the block had ended with {@code failure} (or normally, if null), and
   * tells whether that failure ended suppressed.
   *
   * <p>If the exception in flight at the end is another one than {@code failure}, it is thrown. If
   * it is {@code failure} itself, this method returns {@code false} and the caller rethrows it.
   *
   * <p>Python: {@code ExitStack.__exit__}.
   *
   * @param failure the exception in flight, or {@code null}
   * @return {@code true} only if {@code failure} was non-null and ended suppressed
   */
  @Override
  public boolean exit(@Nullable Throwable failure) {
    return report(failure, unwind(this, failure));
  }

  /**
   * Unwinds the stack now, with no exception in flight, and throws what is in flight at the end.
   * Idempotent: a closed stack is empty, and closing it again does nothing.
   *
   * <p>Python: {@code ExitStack.close}.
   */
  @Override
  public void close() {
    Throwable out = unwind(this, null);
    if (out != null) {
      throw sneakyThrow(out);
    }
  }

  /**
   * Unwinds the stack now as if {@code failure} were in flight, then throws what is in flight at
   * the end: {@code failure} itself unless an exit suppressed or replaced it. Returns normally only
   * if it ended suppressed.
   *
   * <pre>{@code
   * stack.close(new TimeoutException("deadline passed"));   // exits see the timeout
   * }</pre>
   *
   * <p>Python: {@code ExitStack.close(exc)}, proposed in CPython issue 137732.
   *
   * @param failure the exception the exits see
   */
  public void close(Throwable failure) {
    checkNotNull(failure, "failure");
    Throwable out = unwind(this, failure);
    if (out != null) {
      throw sneakyThrow(out);
    }
  }

  /** {@return a short description with the number of registered cleanups} */
  @Override
  public String toString() {
    return "ExitStack[" + describeSize() + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // The driver. Every path that runs cleanups (close, exit, Contexts.with) goes through unwind or
  // exitEntry, and every decision about the exception in flight goes through ExceptionRule.

  /**
   * Turns "the exception in flight after an exit" into {@link ContextManager#exit}'s answer: true
   * if {@code failure} ended suppressed, false if it continues, or a throw if another one is in
   * flight.
   */
  static boolean report(@Nullable Throwable failure, @Nullable Throwable out) {
    Boolean answer = ExceptionRule.exitReport(failure, out);
    if (answer == null) {
      throw sneakyThrow(checkNotNull(out, "out"));
    }
    return answer;
  }

  /**
   * Runs one entry of the given kind with {@code inFlight}, and returns what is in flight after it.
   * Used for a manager given to {@link Contexts#with} and for the synchronous entries of an {@link
   * AsyncExitStack}: the same step as this stack's own loop.
   */
  static @Nullable Throwable exitEntry(Object entry, byte kind, @Nullable Throwable inFlight) {
    if (kind == HANDLE) {
      Registration<?> handle = (Registration<?>) entry;
      return handle.claim() ? exitEntry(handle.entry, handle.kind, inFlight) : inFlight;
    }
    ExitStack nested = nestedStack(entry, kind);
    if (nested == null) {
      return runLeaf(entry, kind, inFlight);
    }
    return seesOurException(entry, kind)
        ? unwind(nested, inFlight)
        : afterPlainStack(inFlight, unwind(nested, null));
  }

  /**
   * Unwinds {@code root} with {@code failure} in flight and returns what is in flight at the end.
   *
   * <p>A nested stack is drained in place instead of by a recursive call: a {@link Frame} remembers
   * where to resume. Entries are popped from the stack object itself, so registrations made while
   * unwinding run too, and a re-entrant close or popAll simply leaves nothing for this loop.
   */
  private static @Nullable Throwable unwind(ExitStack root, @Nullable Throwable failure) {
    ExitStack stack = root;
    Frame resume = null;
    Throwable inFlight = failure;
    while (true) {
      if (stack.size == 0) {
        if (resume == null) {
          return inFlight;
        }
        if (resume.plain) {
          inFlight = afterPlainStack(resume.inFlight, inFlight);
        }
        stack = resume.stack;
        resume = resume.next;
        continue;
      }
      byte kind = stack.kindAt(stack.size - 1);
      Object entry = stack.removeLast();
      if (kind == HANDLE) {
        Registration<?> handle = (Registration<?>) entry;
        if (!handle.claim()) {
          continue; // cancelled or run early
        }
        entry = handle.entry;
        kind = handle.kind;
      }
      ExitStack nested = nestedStack(entry, kind);
      if (nested == null) {
        inFlight = runLeaf(entry, kind, inFlight);
      } else if (seesOurException(entry, kind)) {
        // Registered as a manager: its exits see our exception in flight and their result is
        // ours, exactly what nested.exit(inFlight) would give.
        resume = new Frame(stack, false, null, resume);
        stack = nested;
      } else {
        // Registered as a resource (or through closing): nested.close(), whose outcome is a
        // plain cleanup's.
        resume = new Frame(stack, true, inFlight, resume);
        inFlight = null;
        stack = nested;
      }
    }
  }

  /**
   * For a nested stack: true if it was registered as a manager (its exits see and change our
   * exception in flight), false if as a resource or through closing (closed as a plain cleanup).
   */
  private static boolean seesOurException(Object entry, byte kind) {
    return kind == MANAGER && !(entry instanceof Closing);
  }

  /** The stack to drain in place for this entry, or null if it is not a nested stack. */
  private static @Nullable ExitStack nestedStack(Object entry, byte kind) {
    // Class tests against final classes: a pointer comparison, unlike an interface instanceof.
    if (entry instanceof ExitStack nested) {
      return kind == MANAGER || kind == PLAIN ? nested : null;
    }
    if (kind == MANAGER
        && entry instanceof Closing<?> closing
        && closing.resource instanceof ExitStack nested) {
      return nested;
    }
    return null;
  }

  /**
   * The exception in flight after a nested stack closed as a plain cleanup: {@code outer} if its
   * close threw nothing, otherwise the plain cleanup rule applied to what it threw.
   */
  static @Nullable Throwable afterPlainStack(
      @Nullable Throwable outer, @Nullable Throwable closeFailure) {
    return closeFailure == null ? outer : ExceptionRule.cleanupThrew(outer, closeFailure);
  }

  private static @Nullable Throwable runLeaf(
      Object entry, byte kind, @Nullable Throwable inFlight) {
    return switch (kind) {
      case PLAIN -> runPlain((AutoCloseable) entry, inFlight);
      case ACTION -> {
        try {
          ((CleanupAction) entry).run();
          yield inFlight;
        } catch (Throwable t) {
          yield ExceptionRule.cleanupThrew(inFlight, t);
        }
      }
      case HANDLER -> {
        try {
          yield ExceptionRule.exitReturned(inFlight, ((ExitHandler) entry).exit(inFlight));
        } catch (Throwable t) {
          yield ExceptionRule.exitThrew(inFlight, t);
        }
      }
      case MANAGER -> {
        if (entry instanceof Closing<?> closing) {
          yield runPlain(closing.resource, inFlight);
        }
        if (entry instanceof GeneratorContextManager<?> generator) {
          yield generator.exitInFlight(inFlight); // its outcome is taken as is
        }
        try {
          yield ExceptionRule.exitReturned(inFlight, ((ContextManager<?>) entry).exit(inFlight));
        } catch (Throwable t) {
          yield ExceptionRule.exitThrew(inFlight, t);
        }
      }
      default -> throw new AssertionError("not a synchronous entry: kind " + kind);
    };
  }

  private static @Nullable Throwable runPlain(
      AutoCloseable resource, @Nullable Throwable inFlight) {
    try {
      resource.close();
      return inFlight;
    } catch (Throwable t) {
      return ExceptionRule.cleanupThrew(inFlight, t);
    }
  }

  /** Where to resume when a nested stack is drained. */
  private static final class Frame {
    final ExitStack stack;
    final boolean plain;
    final @Nullable Throwable inFlight;
    final @Nullable Frame next;

    Frame(ExitStack stack, boolean plain, @Nullable Throwable inFlight, @Nullable Frame next) {
      this.stack = stack;
      this.plain = plain;
      this.inFlight = inFlight;
      this.next = next;
    }
  }
}
