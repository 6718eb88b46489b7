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
import static org.contextlib4j.internal.Throwables.nullArgument;
import static org.contextlib4j.internal.Throwables.sneakyThrow;

import java.util.Arrays;
import org.contextlib4j.internal.Leaks;
import org.contextlib4j.internal.Unwinding;
import org.jspecify.annotations.Nullable;

/**
 * What the three stacks share: the registrations, stored oldest first, and the methods that add
 * synchronous ones (the public view of them is {@link CleanupStack}). Python's {@code
 * _BaseExitStack}. The drivers that unwind them are in the subclasses; the rule they apply is
 * {@link org.contextlib4j.internal.ExceptionRule}.
 */
abstract sealed class AbstractExitStack implements CleanupStack
    permits ExitStack, ConcurrentExitStack, AsyncExitStack {

  /*
   * NULLAWAY_NOTE: the API uses JSpecify generics (ContextManager<T extends @Nullable Object>).
   * NullAway 0.14 on JDK 17 runs without its JSpecify mode and treats every type variable as
   * non-null, so the few places that really produce a @Nullable T carry @SuppressWarnings("NullAway")
   * pointing here. The annotations themselves are correct JSpecify for users' checkers.
   */
  private static final Object[] EMPTY = {};
  private static final int FIRST_CAPACITY = 4;

  /** The array size from which a full array is first swept of finished handles. */
  private static final int SWEEP_FROM = 32;

  // How to run an entry. The registration method knows it, so unwinding never asks an object which
  // interfaces it implements: on JDK 17-22 a failing interface instanceof costs a scan of the
  // class's interfaces every time (measured: 17-39x slower; docs/benchmarks.md).
  static final byte PLAIN = 0; // AutoCloseable.close()
  static final byte ACTION = 1; // CleanupAction.run()
  static final byte HANDLER = 2; // ExitHandler.exit(failure)
  static final byte MANAGER = 3; // ContextManager.exit(failure)
  static final byte ASYNC_HANDLER = 4; // AsyncExitHandler.exitAsync(failure)
  static final byte ASYNC_MANAGER = 5; // AsyncContextManager.exitAsync(failure)
  static final byte ASYNC_ACTION = 6; // AsyncCleanupAction.runAsync()
  static final byte HANDLE = 7; // a Registration: its own entry and kind, unless cancelled or run

  // Registrations, oldest first: the first one in a field, the others in an array of four that
  // comes with the stack and doubles when full. The array is made in the constructor, before a
  // try-with-resources block, not at the second registration, inside it: an allocation in the
  // block gives it an exception edge, on which javac's close, never run, so never inlined by C2,
  // takes the stack as an argument, and then JDK 17 could not scalar-replace a stack of two or
  // more made and closed in one method. Now a block of up to five registrations allocates
  // nothing. (Measured, docs/benchmarks.md: N = 2 and 4 1.3-2.2x as fast, N = 64-128 about 20 %
  // slower: C2 then keeps the stack in the frame, not a register, in the register loop. The
  // first in a field no longer spares a stack of one its array, but without it add compiled
  // smaller, and C2 inlined a register loop into Contexts.with, where it ran slower: N = 256
  // 1.7x. The first four in fields made add compile to 2.9 kB, over InlineSmallCode, and each
  // registration a call.)
  //
  // Each method that changes them makes every call it needs (to grow an array, to check a handle)
  // before its first write, and only writes after that: an error can strike any call, a
  // StackOverflowError at the end of the thread's stack included (EndOfTheStackTest), and must
  // find the registrations as they were, never half moved or with a kind missing. The one call
  // after the writes is leak detection's note that a stack became empty: an error there can only
  // make its report wrong.

  /** The first registration; {@link #EMPTY} when there is none. */
  private Object first = EMPTY;

  private byte firstKind;

  /**
   * Registrations 2, 3, ... at indexes 0, 1, ...; {@link #EMPTY} once the stack has emptied, and in
   * an untracked stack until its second registration.
   */
  private Object[] entries;

  /**
   * The kind of each registration in {@link #entries}, parallel to it; allocated only when a
   * registration's kind differs from {@link #arrayKind}, so a stack whose registrations are all of
   * one kind (resources, callbacks, managers or async callbacks) costs one array slot per
   * registration.
   */
  private byte @Nullable [] kinds;

  /** While {@link #kinds} is null: the kind of every registration in {@link #entries}. */
  private byte arrayKind;

  /** How many registrations there are. */
  int size;

  /**
   * Whether an unwinding of this stack is running, set and cleared by the unwind engine ({@link
   * StackFrames#begin}, {@link StackFrames#pop}, {@link StackFrames#end}) for {@link ExitStack} and
   * {@link AsyncExitStack}: {@code popAll()} refuses to run then ({@link #checkNotUnwinding}).
   * {@link ConcurrentExitStack} knows it from its closer instead.
   */
  boolean unwinding;

  /**
   * Whether leak detection tracks this stack (it was on when the stack was made): only then are its
   * changes between empty and non-empty recorded. A field of the stack, not a read of the volatile
   * {@code Leaks.used} at each change: that read, on the first registration and the last pop, kept
   * C2 on JDK 25 from removing the array of a stack of one made and closed in one method (measured:
   * 32 against 0 B, 5.0 against 3.0 ns; docs/benchmarks.md).
   */
  private final boolean leakTracked; // final: seen by a thread that gets the stack by a data race

  AbstractExitStack() {
    this(true);
  }

  /**
   * @param tracked whether leak detection may track it; false only for storage that is never a
   *     user's stack ({@link ConcurrentExitStack}'s taken registrations, {@link #moveTo}'s merge),
   *     whose registrations are moved in whole (the closer's) or copied in (the merge's): it starts
   *     without an array, which a move would drop unused; {@link #add} makes one at the second
   *     registration
   */
  AbstractExitStack(boolean tracked) {
    entries = tracked ? new Object[FIRST_CAPACITY] : EMPTY;
    leakTracked = tracked && Leaks.enabled;
    if (leakTracked) {
      Leaks.track(
          this,
          getClass().getSimpleName(),
          "they will never run",
          "Close it (try-with-resources, Contexts.run) or hand its cleanups on (popAll)");
    }
  }

  /**
   * Enters {@code manager} and registers its exit.
   *
   * <p>If {@code manager.enter()} throws, nothing is registered and the exception propagates as is.
   *
   * <p>Python: {@code ExitStack.enter_context}.
   *
   * @param manager the manager to enter
   * @param <T> the type of value the manager returns
   * @return what {@code manager.enter()} returned
   */
  @Override
  public <T extends @Nullable Object> T enterContext(ContextManager<T> manager) {
    if (manager == null) {
      throw nullArgument("manager");
    }
    T value;
    try {
      value = manager.enter();
    } catch (Exception e) {
      throw sneakyThrow(e);
    }
    add(manager, MANAGER);
    return value;
  }

  /**
   * Registers an exception-aware exit.
   *
   * <p>Python: {@code ExitStack.push} given a function.
   *
   * @param handler the exit to run when the stack unwinds
   * @return {@code handler}
   */
  @Override
  public ExitHandler push(ExitHandler handler) {
    if (handler == null) {
      throw nullArgument("handler");
    }
    add(handler, HANDLER);
    return handler;
  }

  /**
   * Registers the exit of {@code manager} without entering it; used to cover part of an {@code
   * enter} implementation with the manager's own exit.
   *
   * <p>Python: {@code ExitStack.push} given a context manager.
   *
   * @param manager the manager whose {@link ContextManager#exit(Throwable)} runs when the stack
   *     unwinds
   * @param <T> the type of value the manager's {@code enter} returns
   * @return {@code manager}
   */
  // Not <M extends ContextManager<?>> M push(M): a lambda is potentially compatible with a method
  // type variable, which would make push(failure -> ...) ambiguous with push(ExitHandler).
  @Override
  public <T extends @Nullable Object> ContextManager<T> push(ContextManager<T> manager) {
    if (manager == null) {
      throw nullArgument("manager");
    }
    add(manager, MANAGER);
    return manager;
  }

  /**
   * Registers a plain cleanup action. It runs once when the stack unwinds and cannot suppress
   * anything; if it fails, see rule 4 of {@link ExitStack}'s exception semantics.
   *
   * <p>Python: {@code ExitStack.callback}. Unlike Python, a failing callback does not replace the
   * exception in flight.
   *
   * @param action the cleanup to run
   * @return {@code action}
   */
  @Override
  public CleanupAction callback(CleanupAction action) {
    if (action == null) {
      throw nullArgument("action");
    }
    add(action, ACTION);
    return action;
  }

  /**
   * Registers an already-open resource whose {@link AutoCloseable#close()} runs when the stack
   * unwinds, as in try-with-resources.
   *
   * <p>Python: {@code ExitStack.enter_context(closing(resource))}.
   *
   * @param resource the resource to close
   * @param <C> the resource's type
   * @return {@code resource}
   */
  @Override
  public <C extends AutoCloseable> C register(C resource) {
    if (resource == null) {
      throw nullArgument("resource");
    }
    add(resource, PLAIN);
    return resource;
  }

  /**
   * Registers {@code value} with the cleanup that releases it, and returns it; see {@link
   * CleanupStack#register(Object, ResourceCleanup)}.
   *
   * <pre>{@code
   * Path scratch = stack.register(Files.createTempFile("job", ".tmp"), Files::deleteIfExists);
   * }</pre>
   *
   * <p>JavaScript: {@code DisposableStack.prototype.adopt}.
   *
   * @param value the value to release
   * @param cleanup releases it
   * @param <T> the value's type
   * @return {@code value}
   */
  @Override
  public <T> T register(T value, ResourceCleanup<? super T> cleanup) {
    callback(new Adopted<>(checkNotNull(value, "value"), checkNotNull(cleanup, "cleanup")));
    return value;
  }

  /**
   * {@return the registration methods of this stack in a form that returns a handle} Each handle
   * can cancel its registration or run it early, in place; see {@link Registration}.
   *
   * <pre>{@code
   * Registration<CleanupAction> undo = stack.handles().callback(() -> rollback(change));
   * apply(change);
   * undo.cancel();   // applied: nothing to undo
   * }</pre>
   */
  @Override
  public Handles handles() {
    return new Handles(this);
  }

  /**
   * Throws if an unwinding of this stack is running: {@code popAll()} from one of its cleanups
   * would take the cleanups that have not run yet away from it. A decision, not Python's behaviour:
   * there they move silently, and run only if the cleanup closes what it got (see
   * docs/semantics.md).
   */
  final void checkNotUnwinding() {
    if (unwinding) {
      throw popAllDuringUnwind(getClass().getSimpleName());
    }
  }

  static IllegalStateException popAllDuringUnwind(String stack) {
    return new IllegalStateException(
        "popAll() called while the "
            + stack
            + " unwinds (from one of its own cleanups): the cleanups that have not run yet stay"
            + " and run in this unwinding");
  }

  /** Registers {@code registration}; the one place handles are added (a subclass may lock). */
  <R extends Registration<?>> R addHandle(R registration) {
    add(registration, HANDLE);
    return registration;
  }

  // --- storage ---------------------------------------------------------------------------------

  final void add(Object entry, byte kind) {
    int index = size;
    if (index == 0) {
      if (leakTracked) {
        Leaks.pending(this, true);
      }
      first = entry;
      firstKind = kind;
      size = 1;
      return;
    }
    int slot = index - 1;
    if (slot == entries.length) {
      // Full. Large arrays first drop finished handles; small ones just grow, inline: a call
      // taking `this` on this path kept C2 from scalar-replacing a 16-entry stack on JDK 25
      // (measured: 160 -> 192 B).
      if (slot >= SWEEP_FROM && (kinds != null || arrayKind == HANDLE)) {
        slot = dropFinishedHandles();
        index = slot + 1;
      }
      if (slot == entries.length) {
        int capacity = Math.max(FIRST_CAPACITY, slot << 1);
        Object[] grown = Arrays.copyOf(entries, capacity); // both copies before either write
        if (kinds != null) {
          kinds = Arrays.copyOf(kinds, capacity); // longer than entries until the next line
        }
        entries = grown;
      }
    }
    // The storage comment's rule, kept in this shape (a larger method, with the writes after all
    // the calls, was compiled too big to be inlined: measured N = 256 1.3x): an entry stored past
    // `size` is invisible until `size` is written, last.
    entries[slot] = entry;
    byte[] k = kinds;
    if (k == null) {
      if (slot == 0) {
        arrayKind = kind;
      } else if (kind != arrayKind) {
        byte[] filled = new byte[entries.length];
        Arrays.fill(filled, 0, slot, arrayKind);
        k = kinds = filled;
      }
    }
    if (k != null) {
      k[slot] = kind;
    }
    size = index + 1;
  }

  /**
   * Drops the handles that are no longer pending (cancelled or run) from {@link #entries} (not
   * {@link #first}) and returns how many entries are left in the array. Compacts into new arrays,
   * so that an error from a handle's check leaves the stack as it was.
   */
  private int dropFinishedHandles() {
    Object[] e = entries;
    byte[] k = kinds; // null: every entry is a handle (arrayKind)
    Object[] kept = new Object[e.length];
    byte[] keptKinds = k == null ? null : new byte[k.length];
    int used = size - 1;
    int n = 0;
    for (int i = 0; i < used; i++) {
      if ((k == null || k[i] == HANDLE) && !((Registration<?>) e[i]).isPending()) {
        continue;
      }
      kept[n] = e[i];
      if (k != null && keptKinds != null) {
        keptKinds[n] = k[i];
      }
      n++;
    }
    entries = kept;
    kinds = keptKinds;
    size = n + 1;
    return n;
  }

  final byte kindAt(int index) {
    if (index == 0) {
      return firstKind;
    }
    byte[] k = kinds;
    return k == null ? arrayKind : k[index - 1];
  }

  /** {@return the last entry, which must exist, without removing it} */
  final Object peekLast() {
    int index = size - 1;
    return index == 0 ? first : entries[index - 1];
  }

  /**
   * Removes the last entry, which must exist; read its kind with {@link #kindAt} first. The array
   * slot it leaves is not cleared: the array is dropped, whole, when the first registration goes,
   * so a stack holds no reference to what has run once it is empty, and a pop costs no store into
   * the array.
   */
  final Object removeLast() {
    int index = --size;
    if (index == 0) {
      Object entry = first;
      first = EMPTY;
      entries = EMPTY;
      kinds = null;
      if (leakTracked) {
        Leaks.pending(this, false);
      }
      return entry;
    }
    return entries[index - 1];
  }

  /**
   * Removes the last entry, which must exist, just looked at ({@link #peekLast}, {@link #kindAt}):
   * {@link #removeLast} without reading it again, for {@code StackFrames.unwindOwned} (measured:
   * that loop compiled to up to 1,568 B with removeLast, 1,376 B with this). The clearing block is
   * the one of removeLast and popInto, written out in each: popInto may not call this after {@link
   * Unwinding#taken} (a call there that overflows would leave the entry both taken and stored).
   */
  final void dropLast() {
    int index = --size;
    if (index == 0) {
      first = EMPTY;
      entries = EMPTY;
      kinds = null;
      if (leakTracked) {
        Leaks.pending(this, false);
      }
    }
  }

  /**
   * Removes the last entry, which must exist, and hands it with its kind to {@code into} ({@link
   * Unwinding#taken}): handed over first, then removed with writes only, so that an error leaves it
   * either here or with {@code into}, which puts it back if the unwinding fails before running it.
   */
  final void popInto(Unwinding into) {
    int index = size - 1;
    byte kind = kindAt(index);
    into.taken(index == 0 ? first : entries[index - 1], kind);
    size = index;
    if (index == 0) {
      first = EMPTY;
      entries = EMPTY;
      kinds = null;
      if (leakTracked) {
        Leaks.pending(this, false);
      }
    }
  }

  /**
   * Moves every registration onto {@code target}, above its own ones (as if registered there after
   * them, in the same order), and leaves this stack empty; in one step if {@code target} is empty.
   */
  final void moveTo(AbstractExitStack target) {
    AbstractExitStack from = this;
    if (target.size > 0) {
      // Merged into new storage first: until the writes below, nothing has changed.
      ExitStack merged = new ExitStack(false);
      target.copyEntriesTo(merged);
      copyEntriesTo(merged);
      from = merged;
    }
    // Only writes from here on (see the storage comment), so that an error cannot leave the
    // registrations in both stacks or in neither.
    target.first = from.first;
    target.firstKind = from.firstKind;
    target.entries = from.entries;
    target.kinds = from.kinds;
    target.arrayKind = from.arrayKind;
    target.size = from.size;
    first = EMPTY;
    entries = EMPTY;
    kinds = null;
    size = 0;
    if (leakTracked) {
      Leaks.pending(this, false);
    }
    if (target.leakTracked) {
      Leaks.pending(target, target.size > 0);
    }
  }

  /**
   * Adds every registration of this stack onto {@code target}, oldest first; changes nothing here.
   */
  private void copyEntriesTo(AbstractExitStack target) {
    for (int i = 0, n = size; i < n; i++) {
      target.add(i == 0 ? first : entries[i - 1], kindAt(i));
    }
  }

  final String describeSize() {
    return describeCount(size);
  }

  static String describeCount(int cleanups) {
    return cleanups + (cleanups == 1 ? " cleanup" : " cleanups");
  }

  /** {@link #register(Object, ResourceCleanup)}'s entry: a plain cleanup bound to its value. */
  static final class Adopted<T> implements CleanupAction {
    final T value;
    private final ResourceCleanup<? super T> cleanup;

    Adopted(T value, ResourceCleanup<? super T> cleanup) {
      this.value = value;
      this.cleanup = cleanup;
    }

    @Override
    public void run() throws Exception {
      cleanup.release(value);
    }

    @Override
    public String toString() {
      return "register(" + value + ", " + cleanup + ")";
    }
  }
}
