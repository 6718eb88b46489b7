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

import static java.util.Objects.requireNonNull;
import static org.contextlib4j.internal.Throwables.sneakyThrow;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.contextlib4j.internal.Continuations;
import org.contextlib4j.internal.ExceptionRule;
import org.contextlib4j.internal.Handoff;
import org.contextlib4j.internal.Leaks;
import org.jspecify.annotations.Nullable;

/*
 * Overview: Python's _GeneratorContextManager without generators.
 *
 * The body is a lambda that calls a Yielder once. Two ways to run it, one semantics:
 *
 * - Callback mode (Contexts.with, run, the decorators): the with-block runs inside yield(), on the
 *   caller's thread. The block's exception is thrown out of yield() into the body.
 * - Split mode (enter() then exit(), e.g. in an ExitStack): the body must stay suspended inside
 *   yield() between the two calls, and Java has no coroutines, so it runs on a helper thread
 *   (HelperThreads: virtual when available) and the two threads pass control back and forth
 *   through a Handoff, so exactly one of them runs at a time.
 *
 * Both modes record the same facts (did the body yield, how often, what was thrown into it, how it
 * ended) and Run.outcome turns them into the exception in flight after the exit, with CPython's
 * rules: returning after X was thrown in suppresses X; throwing X continues X; throwing Y makes Y
 * the exception (the body is ordinary Java: it attaches X to Y itself if it wants, as any catch
 * block does; Python chains implicitly only inside its except clause, which the library cannot
 * see); yielding a second time closes the body (an internal error thrown from that yield runs its
 * finally clauses) and raises CPython's "generator didn't stop" (or "... after throw()", with X
 * attached), worded as what the body did wrong (bodyError); a body that catches that close and
 * yields once more gets CPython's "generator ignored GeneratorExit", with the first error attached.
 *
 * The stacks call exitInFlight for this manager and take its outcome as is, so the stack does
 * not attach X to an exception the body threw after having handled X (the oracle checks this).
 */

/** {@link Contexts#contextManager}: a one-shot manager whose enter and exit are one body. */
final class GeneratorContextManager<T extends @Nullable Object> implements ContextManager<T> {

  private static final Cleaner CLEANER = Cleaner.create();

  private enum State {
    NEW,
    ENTERED,
    DONE
  }

  /**
   * Body classes whose first yield was pinned (see {@link ContinuationSplit}): their managers run
   * split mode on helper threads from then on. A ClassValue keeps no class alive.
   */
  private static final ClassValue<AtomicBoolean> PINS =
      new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
          return new AtomicBoolean();
        }
      };

  private final GeneratorBody<T> body;

  /** Split mode on a helper thread even when continuations are active (tests of that path). */
  private final boolean onThreads;

  private State state = State.NEW;
  private @Nullable Split<T> split;
  private Cleaner.@Nullable Cleanable cleanable;

  GeneratorContextManager(GeneratorBody<T> body) {
    this(body, false);
  }

  /**
   * @param onThreads whether split mode runs the body on a helper thread even when continuations
   *     are active
   */
  GeneratorContextManager(GeneratorBody<T> body, boolean onThreads) {
    this.body = body;
    this.onThreads = onThreads;
    if (Leaks.enabled) {
      Leaks.track(
          this,
          "generator-style context manager",
          onThreads || !Continuations.active()
              ? "it was entered but not exited, and its body is closed without the block's"
                  + " exception"
              : "it was entered but not exited, and its body, a continuation, is never resumed:"
                  + " its finally clauses do not run",
          "Exit it after entering it (Contexts.with or run do both), or enter it into a stack"
              + " that is closed");
    }
  }

  /** A fresh, unentered manager for the same body: Python's {@code _recreate_cm}. */
  GeneratorContextManager<T> recreate() {
    return new GeneratorContextManager<>(body, onThreads);
  }

  // --- callback mode -----------------------------------------------------------------------------

  <R extends @Nullable Object, X extends Throwable> @Nullable R call(
      ContextBody<? super T, ? extends R, ? extends X> block) throws X {
    claim();
    state = State.DONE;
    Inline<T, R> run = new Inline<>(block);
    Throwable ended = null;
    try {
      body.run(run);
    } catch (Throwable t) {
      ended = t;
    }
    run.finished = true;
    Throwable out = run.outcome(this, ended, true);
    if (out != null) {
      throw sneakyThrow(out);
    }
    return run.result;
  }

  /** The yielder of callback mode: the with-block runs inside the first yield. */
  private static final class Inline<T extends @Nullable Object, R extends @Nullable Object>
      extends Run implements Yielder<T> {
    private final ContextBody<? super T, ? extends R, ?> block;
    @Nullable R result;

    Inline(ContextBody<? super T, ? extends R, ?> block) {
      this.block = block;
    }

    @Override
    @SuppressWarnings("NamedLikeContextualKeyword") // Yielder.yield
    public void yield(T value) {
      if (finished) {
        throw finishedError(this);
      }
      if (++yields > 1) {
        throw GeneratorExit.INSTANCE; // closing: unwind the body through its finally clauses
      }
      try {
        result = block.apply(value);
      } catch (Throwable x) {
        thrownIn = x;
        throw sneakyThrow(x);
      }
    }
  }

  // --- split mode
  // ----------------------------------------------------------------------------------

  @Override
  public T enter() {
    claim();
    state = State.ENTERED;
    Split<T> s = newSplit();
    Object first = s.start();
    if (first instanceof Pinned pinned) {
      first = null;
      Throwable closing = pinned.closed().failure();
      if (closing != null && closing != GeneratorExit.INSTANCE) {
        // Its finally clauses failed while it was being closed: that is the enter's failure.
        state = State.DONE;
        throw sneakyThrow(ExceptionRule.cleanupThrew(closing, pinnedError(pinned.reason())));
      }
      // Deliberately unlike a generator: the body ran to its yield and was closed (its finally
      // clauses ran); it runs again from the start on a helper thread, and so do later bodies of
      // the same class (see Contexts.contextManager, "Split mode").
      PINS.get(body.getClass()).set(true);
      s = new ThreadSplit<>(body);
      first = s.start();
    }
    if (first instanceof Yielded<?> yielded) {
      split = s;
      // If this manager is dropped while the body is suspended on a helper thread, close the body
      // (Python closes a generator when it is collected) so that no helper thread waits forever.
      // The action holds the Split, never this manager. A continuation needs none: it is garbage
      // with the manager.
      Runnable abandon = s.abandonAction();
      if (abandon != null) {
        cleanable = CLEANER.register(this, abandon);
      }
      if (Leaks.used) {
        Leaks.pending(this, true);
      }
      @SuppressWarnings("unchecked")
      T value = (T) yielded.value;
      return value;
    }
    state = State.DONE;
    Throwable out = s.outcome(this, first instanceof Ended ended ? ended.failure : null, true);
    throw sneakyThrow(out == null ? bodyError(this, NO_YIELD) : out);
  }

  /** A split run on a continuation when they are active and the body is not known to pin. */
  private Split<T> newSplit() {
    if (!onThreads) {
      if (Continuations.active()) {
        if (!PINS.get(body.getClass()).get()) {
          return new ContinuationSplit<>(body);
        }
      } else if (Continuations.mode() == Continuations.Mode.REQUIRED_BUT_UNAVAILABLE) {
        state = State.DONE;
        throw new IllegalStateException(
            "continuations are required by -D"
                + Continuations.PROPERTY
                + "=continuations, and not available: "
                + Continuations.unavailableReason());
      }
    }
    return new ThreadSplit<>(body);
  }

  private static IllegalStateException pinnedError(String reason) {
    return new IllegalStateException(
        "the generator-style context manager's body yielded while its continuation was pinned ("
            + reason
            + "), so it was closed, to be run again on a helper thread");
  }

  /** The exit, returning the exception in flight after it; the stacks take it as is. */
  @Nullable Throwable exitInFlight(@Nullable Throwable failure) {
    return exitInFlight(failure, true);
  }

  /**
   * {@link #exitInFlight(Throwable)} for a driver that knows whether this thread's interrupt status
   * may be set again: an async stack's unwinding that runs on a thread which merely completed a
   * stage passes false (see {@link #stopsInterrupt}).
   */
  @Nullable Throwable exitInFlight(@Nullable Throwable failure, boolean resetInterrupt) {
    Split<T> s = split;
    if (state != State.ENTERED || s == null) {
      return ExceptionRule.exitThrew(
          failure,
          bodyError(
              this,
              state == State.NEW
                  ? "generator-style context manager exited before it was entered"
                  : "generator-style context manager exited twice"),
          resetInterrupt);
    }
    state = State.DONE;
    split = null;
    if (Leaks.used) {
      Leaks.pending(this, false);
    }
    Throwable out = s.exit(this, failure, resetInterrupt);
    Cleaner.Cleanable c = cleanable;
    if (c != null) {
      c.clean(); // the body has finished: this only unregisters
    }
    return out;
  }

  @Override
  public boolean exit(@Nullable Throwable failure) {
    return ExitStack.report(failure, exitInFlight(failure));
  }

  private void claim() {
    if (state != State.NEW) {
      throw bodyError(
          this,
          "generator-style context manager already entered: it is one-shot; create a new one"
              + " with Contexts.contextManager(...) for each with-block, or use a decorator, which"
              + " does so for each call");
    }
  }

  @Override
  public String toString() {
    return "contextManager(" + body + ")[" + state + "]";
  }

  /**
   * The yielder of split mode: the body suspends in yield between enter and exit, as a continuation
   * mounted on the caller's thread ({@link ContinuationSplit}) or on a helper thread ({@link
   * ThreadSplit}). Both pass the same commands and events, so they share the rest.
   */
  private abstract static class Split<T extends @Nullable Object> extends Run
      implements Yielder<T> {
    static final Object RESUME = new Object();
    static final Object CLOSE = new Object();

    private final GeneratorBody<T> body;
    private boolean closing; // the body's side only

    Split(GeneratorBody<T> body) {
      this.body = body;
    }

    /** Runs the body until its first event: {@link Yielded}, {@link Ended} or {@link Pinned}. */
    abstract Object start();

    /** Sends {@code command} to the suspended body and returns its next event. */
    abstract Object call(Object command);

    /** The body's side: posts {@code event} and returns the next command. */
    abstract Object suspend(Object event);

    /** The body's side, last of all: posts the {@link Ended} event. */
    abstract void end(Object last);

    /** Closes a suspended body whose manager became unreachable; null if nothing must be done. */
    abstract @Nullable Runnable abandonAction();

    final void runBody() {
      Object last;
      try {
        body.run(this);
        last = new Ended(null);
      } catch (Throwable t) {
        last = new Ended(t);
      }
      finished = true;
      end(last);
    }

    // The owner is passed, not held: the Cleaner's action holds this Split (see enter).
    @Nullable Throwable exit(Object owner, @Nullable Throwable failure, boolean resetInterrupt) {
      thrownIn = failure;
      Object event = call(failure == null ? RESUME : new Throw(failure));
      if (event instanceof Yielded) {
        event = call(CLOSE); // it yielded again: close it (later yields throw at once)
      }
      return outcome(owner, ((Ended) event).failure, resetInterrupt);
    }

    @Override
    @SuppressWarnings("NamedLikeContextualKeyword") // Yielder.yield
    public void yield(T value) {
      if (finished) {
        throw finishedError(this); // nothing would ever resume it
      }
      yields++;
      if (closing) {
        throw GeneratorExit.INSTANCE; // it caught the close and yielded again: keep unwinding
      }
      Object command = suspend(new Yielded<>(value));
      if (command == CLOSE) {
        closing = true;
        throw GeneratorExit.INSTANCE;
      }
      if (command instanceof Throw t) {
        throw sneakyThrow(t.failure);
      }
    }
  }

  /** Split mode on a helper thread: the two threads pass control through a {@link Handoff}. */
  private static final class ThreadSplit<T extends @Nullable Object> extends Split<T> {
    private final Handoff handoff = new Handoff();

    ThreadSplit(GeneratorBody<T> body) {
      super(body);
    }

    @Override
    Object start() {
      return handoff.start(
          () -> {
            handoff.attachHelper();
            runBody();
          });
    }

    @Override
    Object call(Object command) {
      return handoff.call(command);
    }

    @Override
    Object suspend(Object event) {
      handoff.post(event);
      return handoff.awaitCommand();
    }

    @Override
    void end(Object last) {
      handoff.post(last);
    }

    @Override
    Runnable abandonAction() {
      return () -> handoff.abandon(CLOSE);
    }
  }

  /**
   * Split mode as a continuation mounted on the calling thread (see {@link Continuations}): enter
   * runs it to the yield, exit resumes it. One thread runs at a time by construction, so the
   * messages need no synchronisation of their own: the thread that resumes a continuation sees
   * everything written before it was suspended, as a hand-off between threads would publish.
   */
  private static final class ContinuationSplit<T extends @Nullable Object> extends Split<T> {
    private final Object continuation;
    private @Nullable Object message; // a command going in, or an event coming out
    private @Nullable String pinned;

    ContinuationSplit(GeneratorBody<T> body) {
      super(body);
      continuation = Continuations.create(this::runBody);
    }

    @Override
    Object start() {
      Object event = call(RESUME);
      String reason = pinned;
      return reason == null ? event : new Pinned(reason, (Ended) event);
    }

    @Override
    Object call(Object command) {
      message = command;
      Continuations.run(continuation);
      Object event = message;
      message = null;
      return requireNonNull(event);
    }

    @Override
    Object suspend(Object event) {
      if (yields > 1) {
        return CLOSE; // a second yield is always answered by closing: no need to suspend
      }
      message = event;
      String reason = Continuations.suspend(continuation);
      if (reason != null) {
        // Pinned at the first yield, inside enter: close the body; enter runs it again on a
        // helper thread.
        pinned = reason;
        return CLOSE;
      }
      return requireNonNull(message);
    }

    @Override
    void end(Object last) {
      message = last;
    }

    @Override
    @Nullable Runnable abandonAction() {
      // Nothing to close: a dropped continuation is garbage with all it references.
      return null;
    }
  }

  /**
   * What a run of the body did, and the exception in flight it leads to (CPython's {@code
   * _GeneratorContextManager.__exit__}).
   */
  private abstract static class Run {
    /**
     * How many times the body called yield: once for the with-block, a second time if it did not
     * stop (it is then closed), more if it caught the close and yielded again.
     */
    int yields;

    /**
     * Whether the body's run is over: a yield after it comes from a Yielder kept (or passed on)
     * beyond the body, and is refused (finishedError) rather than answered with GeneratorExit.
     */
    volatile boolean finished;

    /** The with-block's exception, thrown into the body at the first yield; null if none. */
    @Nullable Throwable thrownIn;

    /**
     * @param owner the manager, which the messages name
     * @param ended what the body threw when it finished, or null if it returned
     * @param resetInterrupt whether this thread's interrupt status may be set again
     * @return the exception in flight after the exit, or null
     */
    final @Nullable Throwable outcome(
        Object owner, @Nullable Throwable ended, boolean resetInterrupt) {
      Throwable out = GeneratorContextManager.outcome(owner, yields, thrownIn, ended);
      // This runs on the thread that runs the with-block: the caller in callback mode, the thread
      // that called exit in split mode (never the helper thread, which has finished the body).
      if (resetInterrupt && stopsInterrupt(thrownIn, ended, out)) {
        Thread.currentThread().interrupt();
      }
      return out;
    }
  }

  /**
   * The exception in flight after a generator-style manager's exit, from what its body did
   * (CPython's {@code _GeneratorContextManager.__exit__}); shared by the sync and async forms.
   *
   * @param owner the manager (sync or async), which the messages name
   * @param yields how many times the body yielded
   * @param thrownIn the with-block's exception, thrown into the body at its first yield, or null
   * @param ended what the body threw (or its stage failed with) when it finished, or null
   */
  static @Nullable Throwable outcome(
      Object owner, int yields, @Nullable Throwable thrownIn, @Nullable Throwable ended) {
    if (yields == 0) {
      // The enter failed: the body's own exception, or it returned without yielding.
      return ended != null ? ended : bodyError(owner, NO_YIELD);
    }
    if (yields == 1) {
      // It finished after one yield: returning suppresses what was thrown in (or there was
      // nothing); throwing continues it (the same instance) or replaces it.
      return ended;
    }
    // It yielded again and was closed through its finally clauses.
    IllegalStateException error;
    if (thrownIn == null) {
      error = bodyError(owner, YIELDED_AGAIN); // CPython: "generator didn't stop"
    } else {
      error = bodyError(owner, YIELDED_AGAIN_AFTER_FAILURE); // "... didn't stop after throw()"
      // Made while X was in flight: X is attached. The error is new, so this makes no cycle; not
      // through ExceptionRule, which would set the interrupt status of the current thread: the
      // caller decides that (stopsInterrupt), and in the async form this may be a stage's thread.
      error.addSuppressed(thrownIn);
    }
    if (yields > 2) {
      // It caught the close and yielded again: CPython's close() raises this, in the finally
      // clause after "didn't stop", which it replaces (attached here, Python's __context__).
      error =
          (IllegalStateException)
              ExceptionRule.exitThrew(
                  error, bodyError(owner, IGNORED_CLOSE)); // "generator ignored GeneratorExit"
    }
    if (ended == null || ended == GeneratorExit.INSTANCE) {
      return error;
    }
    return ExceptionRule.exitThrew(error, ended); // its finally clause failed while closing
  }

  /**
   * Whether an {@link InterruptedException} thrown into the body ({@code thrownIn}), or that the
   * body ended with, no longer propagates by itself after the exit: the body returned after
   * catching it, threw another exception instead, or the library attached it to its own error. The
   * caller then sets the interrupt status again, so that the interrupt is not lost with it, as
   * ExceptionRule does for what the stacks' exits suppress; the body's own code decides here.
   *
   * @param out the exception in flight after the exit, from {@link #outcome}
   */
  static boolean stopsInterrupt(
      @Nullable Throwable thrownIn, @Nullable Throwable ended, @Nullable Throwable out) {
    return (thrownIn instanceof InterruptedException && out != thrownIn)
        || (ended instanceof InterruptedException && out != ended);
  }

  // What a body did wrong, in this API's terms (CPython's wording in the comments where they are
  // used). "%s" is the factory's name and "%y" its yield method's: see bodyError.
  static final String NO_YIELD =
      "the %s body ended without calling %y; a body must call %y exactly once";
  static final String YIELDED_AGAIN =
      "the %s body called %y a second time; a body must call %y exactly once";
  static final String YIELDED_AGAIN_AFTER_FAILURE =
      "the %s body called %y a second time, after the block's exception was thrown into it"
          + " (attached); a body must call %y exactly once";
  static final String IGNORED_CLOSE =
      "the %s body caught the error that its second %y threw to close it, and called %y again; a"
          + " body must let that error propagate";

  /**
   * A misuse error for {@code owner}'s body: {@code message} in the words of its factory ({@code
   * contextManager} and {@code yield}, or {@code asyncContextManager} and {@code yieldAsync}), and
   * where the manager was created if leak detection recorded it. Error paths only.
   */
  static IllegalStateException bodyError(Object owner, String message) {
    boolean async = owner instanceof AsyncGeneratorContextManager;
    String text =
        message
            .replace("%s", async ? "asyncContextManager" : "contextManager")
            .replace("%y", async ? "yieldAsync" : "yield");
    String site = Leaks.createdAt(owner);
    return new IllegalStateException(
        site == null ? text : text + " (the manager was created at " + site + ")");
  }

  /** What a yield on a Yielder whose body has finished throws. */
  static IllegalStateException finishedError(Object yielder) {
    boolean async = yielder instanceof AsyncGeneratorContextManager;
    return new IllegalStateException(
        async
            ? "yieldAsync called after the asyncContextManager body's stage completed; an"
                + " AsyncYielder may be used only by its body, before the body's stage completes"
            : "yield called after the contextManager body returned; a Yielder may be used only by"
                + " its body, while the body runs");
  }

  private record Yielded<T>(T value) {}

  private record Ended(@Nullable Throwable failure) {}

  private record Throw(Throwable failure) {}

  /** The first yield was pinned (see {@link ContinuationSplit}); the body was closed so. */
  private record Pinned(String reason, Ended closed) {}

  /**
   * Thrown from a second yield to close the body, as Python's {@code GeneratorExit}. One shared
   * instance without stack trace or suppression: it never leaves the library unless the body
   * catches it, and nothing can be attached to it.
   */
  static final class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    // Immutable: no stack trace, no suppression; compared by identity.
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static final GeneratorExit INSTANCE = new GeneratorExit();

    private GeneratorExit() {
      super(
          "thrown from a second yield (or yieldAsync) of a generator-style body to close the"
              + " body and run its finally clauses; a body must not catch it",
          null,
          false,
          false);
    }
  }
}
