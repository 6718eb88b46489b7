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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.contextlib4j.internal.ExceptionRule;
import org.contextlib4j.internal.Frames;
import org.contextlib4j.internal.Unwinding;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ExitStack} that many threads may register on at once, and that is closed for good by
 * its first close: a cleanup registered after that is run at once and reported, never lost and
 * never run twice.
 *
 * <pre>{@code
 * Contexts.run(new ConcurrentExitStack(), stack -> {
 *   for (Path path : paths) {
 *     // a Callable (process returns its line count), so the lambda may throw IOException
 *     executor.submit(() -> process(stack.register(Files.newBufferedReader(path))));
 *   }
 *   awaitProcessing();
 * }); // closes every reader registered by any thread, the last registered first, and every exit
 *     // sees the block's exception (in try-with-resources, close() is not told it: exits see null)
 * }</pre>
 *
 * <p>It takes the same registrations as {@link ExitStack} and unwinds them in the same order
 * (reverse order of registration, which for registrations made by different threads is the order in
 * which they acquired the stack's lock). It differs from it in three ways:
 *
 * <ul>
 *   <li>Every method may be called from any thread at any time, also while the stack unwinds: a
 *       cleanup registered by another thread (or by a cleanup) before the unwinding has finished
 *       runs in that same unwinding, before the cleanups registered earlier.
 *   <li>When a close has run the last cleanup, the stack is <em>closed</em> and stays closed.
 *       Unlike {@link ExitStack} (and Python), it is not reusable: {@link #push(ExitHandler)},
 *       {@link #push(ContextManager)}, {@link #callback} and {@link #register} on a closed stack
 *       run the cleanup at once, on the calling thread, with no exception in flight, and then throw
 *       {@link IllegalStateException}; {@link #enterContext} on a closed stack throws it without
 *       entering the manager. Closing a closed stack again does nothing.
 *   <li>A close (or {@link #exit}, {@link #popAll}) called by another thread while one runs waits
 *       until that one has finished, then behaves as on a closed stack: it runs nothing, and the
 *       first close reports the failures. A close or {@code exit} called by a cleanup of the
 *       running close, on its thread, continues the unwinding (with its own exception in flight)
 *       instead of waiting for itself, exactly as a re-entrant call on {@link ExitStack} does; a
 *       {@code popAll} called so throws {@link IllegalStateException} and moves nothing.
 * </ul>
 *
 * <p>Use {@link ExitStack} when one thread registers and closes: it is several times cheaper (it
 * takes no lock, and C2 can remove a small one altogether; see {@code docs/benchmarks.md}).
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>Exactly those of {@link ExitStack} (see its <a href="ExitStack.html#exceptions">exception
 * semantics</a>), decided by the same code: each entry runs through the same step as in {@link
 * ExitStack}, and its result goes through the same rule. A nested stack (an {@link ExitStack} or a
 * {@code ConcurrentExitStack}) is unwound in place, by the loop all stacks share. What this class
 * adds:
 *
 * <ol>
 *   <li>A registration on a closed stack throws an {@link IllegalStateException} saying that the
 *       stack is closed, after running the cleanup. What the cleanup threw is attached to that
 *       exception as a plain cleanup's failure is (rule 4): as suppressed, except that a {@link
 *       VirtualMachineError} is thrown instead, with the {@code IllegalStateException} attached.
 *   <li>{@link #enterContext} on a closed stack throws {@link IllegalStateException} and does not
 *       call {@link ContextManager#enter()}. If the stack is closed while {@code enter()} runs, the
 *       manager is exited at once with no exception in flight, as in 1.
 *   <li>A close, {@link #close(Throwable)} or {@link #exit} that waited for another thread's close,
 *       or that would have deadlocked waiting (see <a href="#threads">threads</a>), ran nothing:
 *       {@code close()} returns, {@code close(failure)} throws {@code failure}, and {@code
 *       exit(failure)} returns {@code false}, as on an empty {@link ExitStack}.
 * </ol>
 *
 * <p>Unless noted, a {@code null} argument throws {@link NullPointerException} naming the
 * parameter, and nothing is registered or run.
 *
 * <h2 id="threads">Thread safety and memory effects</h2>
 *
 * <p>Instances are thread-safe. Cleanups never run while the stack's lock is held: they are taken
 * off the stack under the lock (all that are registered, in one step), then run without it, on the
 * thread that closes the stack (a rejected registration's cleanup on the registering thread). The
 * lock is a private monitor, held only for steps that run no cleanup (the JVM releases a monitor
 * whatever error ends the step, even a {@link StackOverflowError}, which a {@code finally} calling
 * {@code unlock()} cannot promise). A thread waiting for another thread's close parks without it,
 * so a virtual thread waiting so does not pin its carrier (on JDK 21 to 23, one blocked entering
 * the monitor does, for that short step). Waiting for another thread's close is not interruptible
 * (a close must finish); the interrupt status is kept. A cleanup must therefore not wait for
 * another thread that closes or pops the same stack: that would deadlock.
 *
 * <p>If an error escapes a close from the stack's own code (a {@code StackOverflowError} when the
 * close runs at the very end of the thread's stack, in a {@code finally} while a deep recursion
 * unwinds), that close gives the closer's role up: the cleanups it had not run stay, and the next
 * close, on any thread, runs them (a close already waiting takes over when it next looks). At most
 * the cleanup being taken off when the error struck counts as run, having failed with it, as a
 * {@code close()} that overflows counts in try-with-resources.
 *
 * <p>Stacks registered in each other (a cycle, of two stacks or more) may be closed from several
 * threads at once: a close that would wait for a thread that itself waits, directly or through
 * others, for a stack this thread is closing does not wait (it would deadlock). As a nested entry,
 * that stack is skipped: the thread closing it runs its cleanups, once it no longer waits for ours;
 * called directly, the close runs nothing, as after a wait ({@link #popAll} moves the cleanups
 * registered since the other thread's unwinding last took them; that thread runs the ones it took).
 * Every cleanup still runs exactly once; only the order across the two stacks differs from a close
 * by one thread.
 *
 * <p>Memory consistency effects, as in <a
 * href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/package-summary.html#MemoryVisibility">{@code
 * java.util.concurrent}</a>:
 *
 * <ul>
 *   <li>Actions in a thread prior to registering a cleanup <i>happen-before</i> that cleanup runs,
 *       on whichever thread runs it.
 *   <li>The actions of a cleanup <i>happen-before</i> the next cleanup of the same unwinding runs,
 *       and the return of the close, {@link #close(Throwable)} or {@link #exit} that ran it.
 *   <li>The actions of every cleanup of an unwinding <i>happen-before</i> the return of a close,
 *       {@link #exit} or {@link #popAll} that waited for that unwinding on another thread, and the
 *       rejection of any registration that finds the stack closed.
 *   <li>Actions prior to {@link #popAll} <i>happen-before</i> the cleanups it moved run on the new
 *       stack.
 * </ul>
 *
 * <p>Python: none. CPython's {@code ExitStack} is not thread-safe either; this is the Java
 * counterpart of wrapping each call in a lock, with the closing rules above.
 *
 * @since 0.1.0
 */
public final class ConcurrentExitStack extends AbstractExitStack
    implements ContextManager<ConcurrentExitStack>, AutoCloseable {

  /*
   * Overview: the registrations are AbstractExitStack's storage, written only under `lock`. One
   * thread at a time is the `closer`. In the critical section that makes it the closer, it moves
   * every registration onto `taken`, a storage of its own, in one step; it then pops and runs
   * them without the lock, through the unwind engine (the shared step and rule; its flat loop while
   * flatTopForUnwind says so, its cursor and popForUnwind otherwise). Before each pop
   * it looks at `size` (without the lock): a registration made meanwhile, by a cleanup or by
   * another thread, is newer than everything taken, so it is moved onto `taken` first, under the
   * lock, and runs next. When both are empty, still under the lock, it sets `closed` and wakes
   * the threads waiting in beginClose/popAll. Because `closed` is set in the same critical
   * section that found the storage empty, every registration either lands before it (and is
   * taken by this loop) or sees `closed` (and runs its cleanup itself): none is lost, none runs
   * twice. Only the closer's thread touches `taken`. The unlocked look at `size` is a hint: a
   * registration it misses is one that does not happen-before the pop (it raced with it, as with
   * a pop under the lock that came first), and it is found at the next pop or, at the latest, by
   * the locked check that closes the stack.
   *
   * Measured (docs/benchmarks.md, concurrency): a lock per popped entry, as before, made a close
   * of 4-256 entries 1.4-1.6x as slow; the cursor for every entry, as before the flat loop, up
   * to 1.8x (JDK 25, N = 1). A lock-free push for registrations was tried and measured: no faster
   * than the lock here, and a node per registration.
   */

  /**
   * The stack's lock, a monitor: the JVM releases it whatever ends the critical section, where an
   * {@code unlock()} in a {@code finally} is a call, which a StackOverflowError can strike and
   * leave the lock held for good (measured: EndOfTheStackTest, before). Never held while a thread
   * waits.
   */
  private final Object lock = new Object();

  /**
   * How many threads wait (parked, in {@link #awaitNoOtherCloser}) for an unwinding of this stack
   * to end. Guarded by {@link #lock}.
   */
  private int waiters;

  /**
   * How long a waiting thread stays parked before it looks again whether the closer gave up without
   * waking it (see {@link #abandoned}).
   */
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * The thread unwinding the stack, if any. Written under {@link #lock}; volatile because a thread
   * looking for a wait cycle reads it for stacks whose lock it does not hold, and the unwind
   * engine's escape handler ({@link StackFrames#unwind}) without it.
   */
  volatile @Nullable Thread closer;

  /**
   * Set when an error escaped the closer's unwinding: the closer has given up, and the next close,
   * on any thread, takes over what it had taken and not run ({@link #taken}). Written without the
   * lock by the unwind engine's escape handler, which may make no call (it runs where the error
   * struck, maybe at the end of the thread's stack); read under the lock; cleared, under the lock,
   * by the close that takes over.
   */
  volatile boolean abandoned;

  /** The stack each thread waits to close, while it waits: what a wait cycle is looked for in. */
  private static final ConcurrentHashMap<Thread, ConcurrentExitStack> WAITING =
      new ConcurrentHashMap<>();

  /**
   * How many waiting threads a cycle check follows at most (a chain longer than this: no cycle).
   */
  private static final int MAX_WAIT_CHAIN = 10_000;

  /**
   * The registrations the closer has taken and not run yet, oldest first: an untracked {@link
   * ExitStack} used only as storage, read and written only on the closer's thread (it pops without
   * the lock), or by the close that takes over from a closer that gave up ({@link #abandoned}).
   * Created by the first close that finds registrations; dropped when it ends.
   */
  private @Nullable ExitStack taken;

  /** Set once, when an unwinding found the stack empty. Guarded by {@link #lock}. */
  private boolean closed;

  /** Creates an empty, open stack. */
  public ConcurrentExitStack() {}

  /**
   * {@return this stack} Entering a stack does nothing else.
   *
   * <p>Python: {@code ExitStack.__enter__}.
   */
  @Override
  public ConcurrentExitStack enter() {
    return this;
  }

  /**
   * Enters {@code manager} and registers its exit.
   *
   * <p>If {@code manager.enter()} throws, nothing is registered and the exception propagates as is.
   * The manager is entered without holding the stack's lock.
   *
   * <p>Python: {@code ExitStack.enter_context}.
   *
   * @param manager the manager to enter
   * @param <T> the type of value the manager returns
   * @return what {@code manager.enter()} returned
   * @throws IllegalStateException if the stack is closed (the manager was not entered), or was
   *     closed while the manager was being entered (it was entered and exited; see rule 2 of the <a
   *     href="#exceptions">exception semantics</a>)
   */
  @Override
  public <T extends @Nullable Object> T enterContext(ContextManager<T> manager) {
    checkNotNull(manager, "manager");
    boolean isClosed;
    synchronized (lock) {
      isClosed = closed;
    }
    if (isClosed) {
      throw new IllegalStateException("ConcurrentExitStack is closed: the manager was not entered");
    }
    T value;
    try {
      value = manager.enter();
    } catch (Exception e) {
      throw sneakyThrow(e);
    }
    addOrRun(manager, MANAGER);
    return value;
  }

  /**
   * Registers an exception-aware exit.
   *
   * <p>Python: {@code ExitStack.push} given a function.
   *
   * @param handler the exit to run when the stack unwinds
   * @return {@code handler}
   * @throws IllegalStateException if the stack is closed, after running {@code handler} with no
   *     exception in flight
   */
  @Override
  public ExitHandler push(ExitHandler handler) {
    addOrRun(checkNotNull(handler, "handler"), HANDLER);
    return handler;
  }

  /**
   * Registers the exit of {@code manager} without entering it.
   *
   * <p>Python: {@code ExitStack.push} given a context manager.
   *
   * @param manager the manager whose {@link ContextManager#exit(Throwable)} runs when the stack
   *     unwinds
   * @param <T> the type of value the manager's {@code enter} returns
   * @return {@code manager}
   * @throws IllegalStateException if the stack is closed, after running the manager's exit with no
   *     exception in flight
   */
  @Override
  public <T extends @Nullable Object> ContextManager<T> push(ContextManager<T> manager) {
    addOrRun(checkNotNull(manager, "manager"), MANAGER);
    return manager;
  }

  /**
   * Registers a plain cleanup action (rule 4 of {@link ExitStack}'s exception semantics applies to
   * its failure).
   *
   * <p>Python: {@code ExitStack.callback}.
   *
   * @param action the cleanup to run
   * @return {@code action}
   * @throws IllegalStateException if the stack is closed, after running {@code action}
   */
  @Override
  public CleanupAction callback(CleanupAction action) {
    addOrRun(checkNotNull(action, "action"), ACTION);
    return action;
  }

  /**
   * Registers an already-open resource whose {@link AutoCloseable#close()} runs when the stack
   * unwinds.
   *
   * <p>Python: {@code ExitStack.enter_context(closing(resource))}.
   *
   * @param resource the resource to close
   * @param <C> the resource's type
   * @return {@code resource}
   * @throws IllegalStateException if the stack is closed, after closing {@code resource}
   */
  @Override
  public <C extends AutoCloseable> C register(C resource) {
    addOrRun(checkNotNull(resource, "resource"), PLAIN);
    return resource;
  }

  /**
   * Registers {@code value} with the cleanup that releases it, and returns it; see {@link
   * CleanupStack#register(Object, ResourceCleanup)}.
   *
   * <pre>{@code
   * Lock held = stack.register(lock, Lock::unlock);   // after lock.lock()
   * }</pre>
   *
   * @param value the value to release
   * @param cleanup releases it
   * @param <T> the value's type
   * @return {@code value}
   * @throws IllegalStateException if the stack is closed, after running {@code cleanup} with {@code
   *     value}
   */
  @Override
  public <T> T register(T value, ResourceCleanup<? super T> cleanup) {
    return super.register(value, cleanup); // through callback: addOrRun
  }

  /**
   * {@return the registration methods of this stack in a form that returns a handle} Each handle
   * can cancel its registration or run it early, in place; see {@link Registration}. The handles'
   * registrations take the stack's lock like the other ones, and a handle may be used from any
   * thread. On a closed stack they behave as the methods of the same name, except that {@link
   * Handles#enterContext} enters the manager first, then exits it at once and throws {@link
   * IllegalStateException}, as when the stack is closed while a manager is being entered.
   */
  @Override
  public Handles handles() {
    return new Handles(this);
  }

  @Override
  <R extends Registration<?>> R addHandle(R registration) {
    addOrRun(registration, HANDLE);
    return registration;
  }

  /**
   * Moves every registration to a new stack, in one step, and leaves this one empty; this one stays
   * open if it was (a closed stack gives an empty new stack).
   *
   * <p>Called by another thread while this stack unwinds, it waits until the unwinding has finished
   * (and so returns an empty stack); called on the unwinding's own thread (by one of its cleanups),
   * it throws {@link IllegalStateException} and moves nothing: the cleanups that have not run yet
   * still run in that unwinding, as {@link ExitStack#popAll()} does.
   *
   * <p>Python: {@code ExitStack.pop_all}.
   *
   * @return a new, open stack that owns every cleanup this one had
   * @throws IllegalStateException if called by the thread that unwinds this stack
   */
  @Override
  public ConcurrentExitStack popAll() {
    ConcurrentExitStack moved = new ConcurrentExitStack();
    Thread me = Thread.currentThread();
    boolean cycle = false;
    while (true) {
      synchronized (lock) {
        if (closer == me && !abandoned) {
          throw popAllDuringUnwind("ConcurrentExitStack");
        }
        boolean free = isFree(me);
        // A cycle: move what is registered anyway; the other closer keeps (and runs) what it took.
        if (free || cycle) {
          if (free && closer != null) {
            reclaimAbandoned(); // what a closer that gave up had taken moves too, under the rest
          }
          // The new stack is not shared yet; its lock only publishes the moved storage safely.
          synchronized (moved.lock) {
            moveTo(moved);
          }
          return moved;
        }
      }
      cycle = !awaitNoOtherCloser(me);
    }
  }

  /**
   * Unwinds the stack as if the block had ended with {@code failure} (or normally, if null), closes
   * it, and tells whether that failure ended suppressed.
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
    return ExitStack.report(failure, StackFrames.unwind(this, failure));
  }

  /**
   * Unwinds the stack now, with no exception in flight, closes it, and throws what is in flight at
   * the end. Idempotent: closing a closed stack does nothing.
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
   * Unwinds the stack now as if {@code failure} were in flight, closes it, then throws what is in
   * flight at the end: {@code failure} itself unless an exit suppressed or replaced it. Returns
   * normally only if it ended suppressed.
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

  /**
   * {@return a short description: the number of registered cleanups, or that it is closing (an
   * unwinding runs) or closed}
   */
  @Override
  public String toString() {
    synchronized (lock) {
      return "ConcurrentExitStack["
          + (closed
              ? "closed"
              : closer == null
                  ? describeSize()
                  : abandoned ? describeCount(size + takenSize()) : "closing")
          + "]";
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** How many registrations the closer took and did not run. The caller holds {@link #lock}. */
  private int takenSize() {
    ExitStack t = taken;
    return t == null ? 0 : t.size;
  }

  /** Registers {@code entry}, or, if the stack is closed, runs it at once and throws. */
  private void addOrRun(Object entry, byte kind) {
    synchronized (lock) {
      if (!closed) {
        add(entry, kind);
        return;
      }
    }
    IllegalStateException rejected =
        new IllegalStateException(
            "ConcurrentExitStack is closed: the cleanup was not registered; it ran at once");
    Throwable failure = StackFrames.runEntry(entry, kind, null);
    throw sneakyThrow(failure == null ? rejected : ExceptionRule.cleanupThrew(rejected, failure));
  }

  /**
   * Takes the closer's role for the calling thread: {@link Frames#OWNER} if it is free, or if the
   * closer gave it up ({@link #abandoned}: then what it had taken runs in this close, after what
   * was registered since), {@link Frames#REENTRANT} if this thread has it already, {@link
   * Frames#DONE} if the stack is closed (after waiting for another thread's unwinding, if one runs)
   * or if waiting would deadlock (see {@link #awaitNoOtherCloser}).
   */
  int beginClose() {
    Thread me = Thread.currentThread();
    while (true) {
      synchronized (lock) {
        if (closer == me && !abandoned) {
          return Frames.REENTRANT;
        }
        if (isFree(me)) {
          if (closed) {
            return Frames.DONE;
          }
          takeRegistered(); // in this critical section, so that the first pop needs no lock
          // Writes last: an error in the calls above leaves the role as it was.
          abandoned = false;
          closer = me;
          return Frames.OWNER;
        }
      }
      if (!awaitNoOtherCloser(me)) {
        return Frames.DONE;
      }
    }
  }

  /**
   * Gives the closer's role up without closing: an error escaped the unwinding loop. What it had
   * taken and not run stays in {@link #taken}, for the next close (on any thread) to take over.
   */
  void abandonClose() {
    if (closer != Thread.currentThread()) {
      return;
    }
    abandoned = true;
    wakeWaiters();
  }

  /**
   * Puts an entry this thread's unwinding took back on top of what the closer took (see {@link
   * Frames#restore}); called only on the closer's thread.
   */
  void restoreTaken(Object entry, byte kind) {
    ExitStack t = taken;
    if (t != null) {
      t.add(entry, kind);
    } else {
      synchronized (lock) {
        add(entry, kind);
      }
    }
  }

  /**
   * Gives back what a closer that gave up had taken (under what was registered since) and frees its
   * role. The caller holds {@link #lock}; the role is free, or given up ({@link #isFree}).
   */
  private void reclaimAbandoned() {
    ExitStack t = taken;
    if (t != null && t.size > 0) {
      moveTo(t); // what was registered since goes above
      t.moveTo(this);
    }
    taken = null;
    abandoned = false;
    closer = null;
  }

  /**
   * Waits until no thread but {@code me} is unwinding the stack ({@link #isFree}) and returns true;
   * or returns false at once if waiting would deadlock: the thread unwinding it waits, directly or
   * through other threads, for a stack that {@code me} is unwinding (two stacks registered in each
   * other, closed from two threads). Called without {@link #lock}; the caller takes it and looks
   * again (another thread may have taken the role meanwhile).
   *
   * <p>Each waiting thread is recorded in {@link #WAITING} before it checks for a cycle, so of two
   * threads that close a cycle, the second to record itself sees it (or both do, and neither
   * waits). It parks without the lock until the unwinding's end wakes it ({@link #wakeWaiters}),
   * and looks again every {@link #RECHECK_NANOS} whether the closer gave up without waking it (the
   * escape handler cannot). Not interruptible: the interrupt status is set again on return.
   */
  private boolean awaitNoOtherCloser(Thread me) {
    WAITING.put(me, this);
    boolean interrupted = false;
    synchronized (lock) {
      waiters++;
    }
    try {
      while (true) {
        synchronized (lock) {
          if (isFree(me)) {
            return true;
          }
          if (waitingForMe(me)) {
            return false;
          }
        }
        LockSupport.parkNanos(this, RECHECK_NANOS);
        interrupted |= Thread.interrupted(); // a close must finish; set again below
      }
    } finally {
      synchronized (lock) {
        waiters--;
      }
      WAITING.remove(me);
      if (interrupted) {
        me.interrupt();
      }
    }
  }

  /**
   * Wakes the threads waiting for this stack's unwinding to end ({@link #awaitNoOtherCloser}),
   * after the writes that end it; one that is not woken (an error struck this call) sees them when
   * it looks again.
   */
  private void wakeWaiters() {
    for (Map.Entry<Thread, ConcurrentExitStack> waiting : WAITING.entrySet()) {
      if (waiting.getValue() == this) {
        LockSupport.unpark(waiting.getKey());
      }
    }
  }

  /**
   * Whether {@code me} may take the closer's role: nobody has it, {@code me} has it, or its closer
   * gave it up (an error escaped its unwinding; or its thread has ended, which a running unwinding
   * never lets happen). The caller holds {@link #lock}.
   */
  private boolean isFree(Thread me) {
    Thread c = closer;
    return c == null || c == me || abandoned || !c.isAlive();
  }

  /**
   * Whether this stack's closer waits, directly or through others, for a stack {@code me} closes.
   */
  private boolean waitingForMe(Thread me) {
    Thread t = closer;
    for (int hops = 0; t != null && hops < MAX_WAIT_CHAIN; hops++) {
      if (t == me) {
        return true;
      }
      ConcurrentExitStack awaited = WAITING.get(t);
      if (awaited == null || awaited.abandoned) {
        return false;
      }
      t = awaited.closer;
    }
    return false;
  }

  /**
   * Moves what is registered onto {@link #taken} (above what remains there: it is newer) and
   * returns it. The caller holds {@link #lock} and is, or is becoming, the closer.
   */
  private @Nullable ExitStack takeRegistered() {
    ExitStack t = taken;
    if (size > 0) {
      if (t == null) {
        t = taken = new ExitStack(false);
      }
      moveTo(t);
    }
    return t;
  }

  /**
   * For the unwind engine's flat loop ({@link StackFrames#rootFlatTop}): the kind of the newest
   * taken registration, if the closer may take it off without the lock, as {@link #popForUnwind}
   * would (nothing registered meanwhile, by the same hint); else {@link Frames#REFILL}, and {@link
   * #refillForUnwind} looks under the lock. Called only by the closer's thread, which alone touches
   * {@link #taken}.
   */
  int flatTopForUnwind() {
    ExitStack t = taken;
    return t != null && mayPopWithoutLock(t) ? t.kindAt(t.size - 1) : Frames.REFILL;
  }

  /**
   * For the unwind engine's flat loop, after {@link #flatTopForUnwind} said {@link Frames#REFILL}:
   * under the lock, takes what was registered meanwhile (true), or, if nothing is left and {@code
   * owner}, closes the stack in the same critical section (false). Called only by the closer's
   * thread.
   */
  boolean refillForUnwind(boolean owner) {
    synchronized (lock) {
      ExitStack t = takeRegistered();
      if (t != null && t.size > 0) {
        return true;
      }
      if (owner) {
        endClose();
      }
      return false;
    }
  }

  /** Closes the stack, its unwinding having found it empty. The caller holds {@link #lock}. */
  private void endClose() {
    closed = true;
    closer = null;
    taken = null;
    if (waiters > 0) {
      wakeWaiters();
    }
  }

  /**
   * Whether the closer may pop from {@code t}, what it took, without the lock: it is not empty and
   * nothing was registered meanwhile. `size` is read without the lock, as a hint (see the
   * overview), after our own pops and cleanups.
   */
  private boolean mayPopWithoutLock(ExitStack t) {
    return t.size > 0 && size == 0;
  }

  /**
   * The storage {@link #flatTopForUnwind} looks at, for the flat loop to pop from, or {@code
   * ifNone} if the closer took nothing (then {@code flatTopForUnwind} never says a kind). Asked
   * after {@link #beginClose}; the storage stays the same object until the close ends.
   */
  Object takenForUnwind(Object ifNone) {
    ExitStack t = taken;
    return t != null ? t : ifNone;
  }

  /**
   * Hands the newest entry to the unwind engine; called only on the closer's thread. Without the
   * lock while the entries taken last time remain and nothing was registered meanwhile; otherwise,
   * under the lock, takes what was registered (onto what remains: it is newer) and, if there is
   * nothing at all and {@code owner}, closes the stack in the same critical section, so that a
   * registration is either before this (and is taken) or sees {@code closed} (and runs its cleanup
   * itself).
   */
  boolean popForUnwind(boolean owner, Unwinding into) {
    ExitStack t = taken;
    if (t == null || !mayPopWithoutLock(t)) {
      if (!refillForUnwind(owner)) {
        return false;
      }
      t = checkNotNull(taken, "taken"); // refilled: not empty
    }
    t.popInto(into);
    return true;
  }
}
