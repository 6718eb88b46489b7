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

import static org.contextlib4j.AbstractExitStack.ACTION;
import static org.contextlib4j.AbstractExitStack.ASYNC_ACTION;
import static org.contextlib4j.AbstractExitStack.ASYNC_HANDLER;
import static org.contextlib4j.AbstractExitStack.ASYNC_MANAGER;
import static org.contextlib4j.AbstractExitStack.HANDLE;
import static org.contextlib4j.AbstractExitStack.HANDLER;
import static org.contextlib4j.AbstractExitStack.MANAGER;
import static org.contextlib4j.AbstractExitStack.PLAIN;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.contextlib4j.internal.ExceptionRule;
import org.contextlib4j.internal.Frames;
import org.contextlib4j.internal.Unwinding;
import org.jspecify.annotations.Nullable;

/**
 * The frame protocol of the unwind engine ({@link org.contextlib4j.internal.Unwinding}) for the
 * three stacks: how each is popped and closed, how each kind of entry runs, and which entries are
 * stacks to drain in place. The one place that knows every way a stack can be registered on
 * another; the stacks' classes are final, so each test here is a class test.
 */
final class StackFrames extends Frames {

  static final StackFrames INSTANCE = new StackFrames();

  private StackFrames() {}

  /**
   * Runs one entry as a stack holding only it would: {@link Unwinding#runEntry}. A stack run as a
   * manager ({@code Contexts.with(new ExitStack(), ...)}) is unwound as a root instead, which is
   * the same unwinding (its exits see and change {@code inFlight}) through the engine's fast path,
   * with no cursor allocated for a stack without nested stacks or handles.
   */
  static @Nullable Throwable runEntry(Object entry, byte kind, @Nullable Throwable inFlight) {
    if (kind == AbstractExitStack.MANAGER && isSyncStack(entry)) {
      return unwind((AbstractExitStack) entry, inFlight);
    }
    return Unwinding.runEntry(INSTANCE, entry, kind, inFlight);
  }

  /**
   * Unwinds {@code stack}: {@link Unwinding#unwind}. If an error escapes the engine (its own code
   * failed: a StackOverflowError at the end of the thread's stack, say), gives up the role this
   * call took on the stack, so that the stack is not left unwinding for good: an {@link
   * ExitStack}'s mark is cleared, a {@link ConcurrentExitStack}'s closer is marked as given up (the
   * next close takes over what it left). The handlers only read and write fields: they run where
   * the error struck, where any call could overflow again. The cursor, if there was one, has put
   * back what had not run ({@link Unwinding#abandonAll}).
   */
  static @Nullable Throwable unwind(AbstractExitStack stack, @Nullable Throwable failure) {
    if (stack.getClass() == ConcurrentExitStack.class) {
      return unwindConcurrent((ConcurrentExitStack) stack, failure);
    }
    boolean owner = !stack.unwinding;
    try {
      return owner ? unwindOwned(stack, failure) : Unwinding.unwind(INSTANCE, stack, failure);
    } catch (Throwable escaped) {
      if (owner) {
        stack.unwinding = false;
      }
      throw escaped;
    }
  }

  /**
   * The close of an {@link ExitStack} whose unwinding is not running: {@link Unwinding#unwind}'s
   * flat loop written for this one kind of stack, with no call through the frame protocol. The
   * first entry that needs the cursor (a nested stack, a handle) hands the rest over to it, looked
   * at and left on the stack, as there.
   *
   * <p>Why a copy: C2 inlines a method already compiled on its own only if its code is under {@code
   * InlineSmallCode} (2,500 bytes), and whether an ExitStack made and closed in one method is
   * scalar-replaced depends on its close being inlined there. This loop compiles to 1,152-1,376
   * bytes, {@code Unwinding.unwind} to 1,472-1,504 (JDK 17, {@code -XX:+LogCompilation}), which
   * leaves more room for the code around it ({@code Contexts.with} with the block inlined). A/B in
   * docs/benchmarks.md.
   */
  private static @Nullable Throwable unwindOwned(
      AbstractExitStack stack, @Nullable Throwable failure) {
    stack.unwinding = true;
    Throwable inFlight = failure;
    int size;
    while ((size = stack.size) != 0) {
      byte kind = stack.kindAt(size - 1);
      Object entry = stack.peekLast();
      if (!INSTANCE.isLeaf(entry, kind)) {
        return Unwinding.withCursor(INSTANCE, stack, inFlight);
      }
      stack.dropLast();
      inFlight = INSTANCE.run(entry, kind, inFlight, true);
    }
    stack.unwinding = false;
    return inFlight;
  }

  private static @Nullable Throwable unwindConcurrent(
      ConcurrentExitStack stack, @Nullable Throwable failure) {
    Thread me = Thread.currentThread();
    boolean reentrant = stack.closer == me && !stack.abandoned;
    try {
      return Unwinding.unwind(INSTANCE, stack, failure);
    } catch (Throwable escaped) {
      if (!reentrant && stack.closer == me) {
        stack.abandoned = true;
      }
      throw escaped;
    }
  }

  // --- stacks -----------------------------------------------------------------------------------

  /**
   * A concurrent stack takes its closer's role. The other two mark themselves as unwinding, so that
   * {@code popAll()} from one of their cleanups is refused; an unwinding that finds the mark set (a
   * re-entrant close, a stack nested in itself) only drains, and leaves the mark to the owner.
   */
  @Override
  public int begin(Object stack) {
    if (stack instanceof ConcurrentExitStack concurrent) {
      return concurrent.beginClose();
    }
    AbstractExitStack s = (AbstractExitStack) stack;
    if (s.unwinding) {
      return REENTRANT;
    }
    s.unwinding = true;
    return OWNER;
  }

  @Override
  public void end(Object stack) {
    ((AbstractExitStack) stack).unwinding = false;
  }

  @Override
  public boolean pop(Object stack, boolean owner, Unwinding into) {
    if (stack instanceof ConcurrentExitStack concurrent) {
      return concurrent.popForUnwind(owner, into);
    }
    AbstractExitStack s = (AbstractExitStack) stack;
    int size = s.size;
    if (size == 0) {
      if (owner) {
        s.unwinding = false;
      }
      return false;
    }
    s.popInto(into);
    return true;
  }

  @Override
  public int flatTop(Object stack) {
    Class<?> type = stack.getClass();
    if (type != ExitStack.class && type != AsyncExitStack.class) {
      return CURSOR; // a concurrent stack pops under its lock and ends its close
    }
    AbstractExitStack s = (AbstractExitStack) stack;
    int size = s.size;
    if (size == 0) {
      return EMPTY;
    }
    return s.kindAt(size - 1);
  }

  @Override
  public int rootFlatTop(Object root) {
    // A concurrent stack: what its closer took, while nothing newer is registered (see
    // ConcurrentExitStack.flatTopForUnwind); then refill looks under its lock, and takes what was
    // registered meanwhile or ends the close.
    return root.getClass() == ConcurrentExitStack.class
        ? ((ConcurrentExitStack) root).flatTopForUnwind()
        : flatTop(root);
  }

  @Override
  public boolean refill(Object root, boolean owner) {
    return ((ConcurrentExitStack) root).refillForUnwind(owner);
  }

  @Override
  public Object flatStorage(Object root) {
    return root.getClass() == ConcurrentExitStack.class
        ? ((ConcurrentExitStack) root).takenForUnwind(root)
        : root;
  }

  @Override
  public Object peekFlat(Object stack) {
    return ((AbstractExitStack) stack).peekLast();
  }

  @Override
  public Object popFlat(Object stack) {
    return ((AbstractExitStack) stack).removeLast();
  }

  @Override
  public boolean isLeaf(Object entry, byte kind) {
    return switch (kind) {
      case PLAIN -> !isSyncStack(entry);
      case ACTION, HANDLER -> true;
      case MANAGER ->
          !isSyncStack(entry) && !(entry instanceof Closing<?> c && isSyncStack(c.resource));
      case ASYNC_HANDLER, ASYNC_ACTION -> true;
      case ASYNC_MANAGER ->
          !(entry instanceof AsyncExitStack
              || entry instanceof AsyncExitStack.TimedInFlight
              || entry instanceof SyncAsAsync);
      default -> false; // a handle: through the cursor
    };
  }

  @Override
  public void abandon(Object stack) {
    if (stack instanceof ConcurrentExitStack concurrent) {
      concurrent.abandonClose();
    } else {
      ((AbstractExitStack) stack).unwinding = false;
    }
  }

  @Override
  public void restore(Object stack, Object entry, byte kind) {
    if (stack instanceof ConcurrentExitStack concurrent) {
      concurrent.restoreTaken(entry, kind);
    } else {
      ((AbstractExitStack) stack).add(entry, kind);
    }
  }

  @Override
  public @Nullable Object nested(Unwinding u) {
    Object entry = u.entry();
    byte kind = u.kind();
    if (kind == HANDLE) {
      Registration<?> handle = (Registration<?>) entry;
      if (!handle.claim()) {
        return SKIP; // cancelled or run early
      }
      entry = handle.entry;
      kind = handle.kind;
      u.found(entry, kind);
    }
    switch (kind) {
      case PLAIN -> {
        if (isSyncStack(entry)) {
          u.plain(); // registered as a resource: closed as a plain cleanup
          return entry;
        }
      }
      case MANAGER -> {
        if (isSyncStack(entry)) {
          return entry; // its exits see and change our exception in flight
        }
        if (entry instanceof Closing<?> closing && isSyncStack(closing.resource)) {
          u.plain();
          return closing.resource;
        }
      }
      case ASYNC_MANAGER -> {
        Object manager = entry;
        if (manager instanceof AsyncExitStack.TimedInFlight timed) {
          manager = timed.entry;
          if (manager instanceof AsyncExitStack) {
            u.timed(timed.timeout);
          }
        }
        if (manager instanceof AsyncExitStack async) {
          // Not while its own close runs: then its exit, run as an entry, waits for that close as
          // a second close does.
          return async.closing == null ? async : null;
        }
        if (manager instanceof SyncAsAsync<?> adapted) {
          // A synchronous manager seen as async is that manager here: it runs as a sync entry
          // (a stack in it is drained in place), with the async driver's interrupt policy.
          Object sync = adapted.manager;
          u.found(sync, MANAGER);
          if (isSyncStack(sync)) {
            return sync;
          }
          if (sync instanceof Closing<?> closing && isSyncStack(closing.resource)) {
            u.plain();
            return closing.resource;
          }
        }
      }
      default -> {}
    }
    return null;
  }

  private static boolean isSyncStack(Object entry) {
    return entry instanceof ExitStack || entry instanceof ConcurrentExitStack;
  }

  // --- synchronous entries ----------------------------------------------------------------------

  @Override
  public boolean isAsync(byte kind) {
    return kind >= ASYNC_HANDLER && kind != HANDLE;
  }

  @Override
  public @Nullable Throwable run(
      Object entry, byte kind, @Nullable Throwable inFlight, boolean resetInterrupt) {
    return switch (kind) {
      case PLAIN -> runPlain((AutoCloseable) entry, inFlight, resetInterrupt);
      case ACTION -> {
        try {
          ((CleanupAction) entry).run();
          yield inFlight;
        } catch (Throwable t) {
          yield ExceptionRule.cleanupThrew(inFlight, t, resetInterrupt);
        }
      }
      case HANDLER -> {
        try {
          yield ExceptionRule.exitReturned(
              inFlight, ((ExitHandler) entry).exit(inFlight), resetInterrupt);
        } catch (Throwable t) {
          yield ExceptionRule.exitThrew(inFlight, t, resetInterrupt);
        }
      }
      case MANAGER -> {
        if (entry instanceof PlainExit<?> plain) {
          yield runPlain(plain, inFlight, resetInterrupt); // closing(...), resource(...)
        }
        if (entry instanceof GeneratorContextManager<?> generator) {
          yield generator.exitInFlight(inFlight, resetInterrupt); // its outcome is taken as is
        }
        try {
          yield ExceptionRule.exitReturned(
              inFlight, ((ContextManager<?>) entry).exit(inFlight), resetInterrupt);
        } catch (Throwable t) {
          yield ExceptionRule.exitThrew(inFlight, t, resetInterrupt);
        }
      }
      default -> throw new AssertionError("not a synchronous entry: kind " + kind);
    };
  }

  private static @Nullable Throwable runPlain(
      AutoCloseable resource, @Nullable Throwable inFlight, boolean resetInterrupt) {
    try {
      resource.close();
      return inFlight;
    } catch (Throwable t) {
      return ExceptionRule.cleanupThrew(inFlight, t, resetInterrupt);
    }
  }

  // --- async entries ----------------------------------------------------------------------------

  /**
   * A null stage is that entry's failure (a {@link NullPointerException}, thrown here and folded by
   * the loop like any other), as Python's {@code await None} fails only that callback.
   */
  @Override
  @SuppressWarnings("NullAway") // the entries' methods are declared non-null; callers may not be
  public CompletionStage<?> start(
      Object entry, byte kind, @Nullable Throwable inFlight, boolean resetInterrupt)
      throws Exception {
    CompletionStage<?> stage =
        switch (kind) {
          case ASYNC_HANDLER -> ((AsyncExitHandler) entry).exitAsync(inFlight);
          case ASYNC_MANAGER ->
              entry instanceof AsyncGeneratorContextManager<?> generator
                  ? generator.exitInFlightAsync(inFlight, resetInterrupt)
                  : entry instanceof AsyncInFlightExit<?> exit
                      ? exit.exitInFlightAsync(inFlight)
                      : ((AsyncContextManager<?>) entry).exitAsync(inFlight);
          default -> ((AsyncCleanupAction) entry).runAsync();
        };
    if (stage == null) {
      throw new NullPointerException(
          kind == ASYNC_ACTION
              ? "the stage returned by runAsync() cannot be null"
              : "the stage returned by exitAsync() cannot be null");
    }
    return stage;
  }

  @Override
  public @Nullable Throwable fold(
      Object entry,
      byte kind,
      @Nullable Throwable inFlight,
      @Nullable Object value,
      @Nullable Throwable failure,
      boolean resetInterrupt) {
    Throwable thrown = failure; // unwrapped by the driver if a stage's
    if (kind == ASYNC_ACTION) {
      return thrown == null
          ? inFlight
          : ExceptionRule.cleanupThrew(inFlight, thrown, resetInterrupt);
    }
    if (thrown != null) {
      return ExceptionRule.exitThrew(inFlight, thrown, resetInterrupt);
    }
    if (reportsInFlight(entry, kind)) {
      return (Throwable) value; // computed by the exit itself, taken as is
    }
    return ExceptionRule.exitReturned(inFlight, Boolean.TRUE.equals(value), resetInterrupt);
  }

  @Override
  public boolean reportsInFlight(Object entry, byte kind) {
    return kind == ASYNC_MANAGER && entry instanceof AsyncInFlightExit<?>;
  }

  @Override
  public @Nullable Duration timeoutOf(Object entry) {
    return entry instanceof AsyncExitStack.Timed timed ? timed.timeout : null;
  }
}
