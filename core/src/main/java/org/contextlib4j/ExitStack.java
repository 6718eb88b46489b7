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
 * Contexts.run(new ExitStack(), stack -> {
 *   List<BufferedReader> readers = new ArrayList<>();
 *   for (Path path : paths) {
 *     readers.add(stack.register(Files.newBufferedReader(path)));
 *   }
 *   merge(readers);
 * }); // every opened reader is closed, also when opening a later one failed
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
 *   <li>{@link #register(AutoCloseable)}, {@link #callback(CleanupAction)}: a plain cleanup;
 *   <li>{@link #register(Object, ResourceCleanup)}: a value that is not an {@link AutoCloseable},
 *       with the plain cleanup that receives it.
 * </ul>
 *
 * <p>Code that registers on any of the three stacks takes a {@link CleanupStack}, the interface
 * they share.
 *
 * <h2 id="with">{@code Contexts.run} or try-with-resources</h2>
 *
 * <p>{@link Contexts#run} and {@link Contexts#with} are Python's {@code with ExitStack() as
 * stack:}: they pass the block's exception to {@link #exit(Throwable)}, so every exit sees it:
 *
 * <pre>{@code
 * Contexts.run(new ExitStack(), stack -> {
 *   Connection c = stack.enterContext(new Transaction(dataSource));
 *   insertRows(c);            // if this throws, the transaction's exit sees it and rolls back
 * });
 * }</pre>
 *
 * <p>Java's try-with-resources calls {@link #close()} instead, which is never told whether the
 * block failed: in {@code try (ExitStack stack = new ExitStack())}, every exit sees {@code null},
 * and the same transaction <b>commits a failed block</b>. That is right only for plain resources
 * ({@code register}, {@code callback}). To write the block as a {@code try} and still let the exits
 * see the failure, hand it over with {@link #close(Throwable)}:
 *
 * <pre>{@code
 * ExitStack stack = new ExitStack();
 * try {
 *   Connection c = stack.enterContext(new Transaction(dataSource));
 *   insertRows(c);
 * } catch (Throwable failure) {
 *   stack.close(failure);   // the exits see it; it propagates unless an exit suppresses it
 * }
 * stack.close();            // the block succeeded: the exits see null (after close(failure), a no-op)
 * }</pre>
 *
 * <p>{@link #popAll()} hands every registration over to a new stack, so that a method can acquire
 * several resources and give them to its caller only if all succeeded:
 *
 * <pre>{@code
 * static Pair openBoth(String first, String second) throws Exception {
 *   try (ExitStack stack = new ExitStack()) {         // plain closes only: exits would see null
 *     Connection a = stack.register(open(first));
 *     Connection b = stack.register(open(second));   // if this throws, a is closed
 *     return new Pair(a, b, stack.popAll());          // success: the caller closes both later
 *   }
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
 *       reachable from Y (for example as its cause): never a lost exception, so X is attached even
 *       if that closes a cycle. Throwing X itself is not a replacement. (A generator-style manager,
 *       {@link Contexts#contextManager}, is the exception: its exit is the body's own Java code, so
 *       what it throws is taken as is, and the body attaches X itself if it wants to.)
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
 * <p>A stack ({@code ExitStack} or {@link ConcurrentExitStack}) registered on another stack (with
 * {@link #push(ContextManager)} or {@link #enterContext}, directly or through a handle) is unwound
 * in place, as if its entries were the outer stack's; registered with {@link
 * #register(AutoCloseable)} or through {@link Contexts#closing}, it is closed as a plain cleanup.
 * Either way the three stack classes share one unwinding loop, not a recursion: no depth of
 * nesting, of any mix of stack kinds, and no number of entries can overflow the thread's stack.
 *
 * <p>Unless noted, a {@code null} argument throws {@link NullPointerException} naming the
 * parameter, and nothing is registered.
 *
 * <h2 id="state">State and reuse</h2>
 *
 * <p>Closing is idempotent: it empties the stack, which can then be used again (as in Python). A
 * cleanup that registers more cleanups on the stack that is being unwound gets them run too, in
 * LIFO order, in the same unwinding. A cleanup that calls {@link #popAll()} on the stack that is
 * being unwound gets an {@link IllegalStateException}: the remaining cleanups belong to the
 * unwinding, and still run in it.
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

  /** An untracked stack, used only as storage ({@link ConcurrentExitStack}'s taken entries). */
  ExitStack(boolean tracked) {
    super(tracked);
  }

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
   * <p>Unlike Python, where {@code pop_all()} called by a cleanup while the stack unwinds silently
   * takes the cleanups that have not run yet out of that unwinding, it then throws {@link
   * IllegalStateException} and moves nothing: those cleanups still run, in order, and the exception
   * is that cleanup's failure (see <a href="#state">state and reuse</a>).
   *
   * <p>Python: {@code ExitStack.pop_all}.
   *
   * @return a new stack that owns every cleanup this one had
   * @throws IllegalStateException if called while this stack unwinds (from one of its cleanups, or
   *     one of a stack that unwinds this one in place)
   */
  @Override
  public ExitStack popAll() {
    checkNotUnwinding();
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
    return report(failure, StackFrames.unwind(this, failure));
  }

  /**
   * Unwinds the stack now, with no exception in flight, and throws what is in flight at the end.
   * Idempotent: a closed stack is empty, and closing it again does nothing.
   *
   * <p>Python: {@code ExitStack.close}.
   */
  @Override
  public void close() {
    Throwable out = StackFrames.unwind(this, null);
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
    Throwable out = StackFrames.unwind(this, failure);
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
  // Every path that runs cleanups (close, exit, Contexts.with) goes through the unwind engine
  // (internal.Unwinding, over StackFrames), and every decision about the exception in flight
  // through ExceptionRule.

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
}
