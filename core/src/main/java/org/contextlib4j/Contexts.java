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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.contextlib4j.internal.CallerScope;
import org.contextlib4j.internal.ExceptionRule;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * Static entry points: Python's {@code with} statement ({@link #with}, {@link #run}), the helper
 * managers of {@code contextlib} ({@link #suppress}, {@link #closing}, {@link #nullContext}, {@link
 * #redirectStdout}, {@link #redirectStderr}) and decorators that run a function inside a manager
 * ({@link #decorate(ContextManager, CheckedRunnable) decorate}, whose results declare the checked
 * exceptions they throw, and the {@code decorate*} forms returning JDK types; Python's {@code
 * ContextDecorator}).
 *
 * <pre>{@code
 * import static org.contextlib4j.Contexts.*;
 *
 * run(suppress(NoSuchFileException.class), ignored -> Files.delete(scratch));
 *
 * String report = with(new Transaction(connection), c -> insertAndSummarize(c));
 *
 * Runnable job = decorateRunnable(() -> new Transaction(pool.get()), () -> nightlyBatch());
 * }</pre>
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>As to exceptions, {@link #with} and {@link #run} behave exactly like an {@link ExitStack}
 * holding only the manager, closed with the body's exception (see {@link ExitStack}'s <a
 * href="ExitStack.html#exceptions">exception semantics</a>). They differ in one thing: with a
 * {@linkplain #contextManager generator-style manager}, {@code with} and {@code run} run the
 * with-block inside the body's {@code yield}, so the body's setup, the block and its teardown all
 * run on the caller's thread; entered into a stack (or by calling {@code enter} and {@code exit}
 * yourself), the body's setup and teardown run on a helper thread instead, so a {@code ThreadLocal}
 * the setup sets is not the block's, unless the body runs as a continuation on the caller's thread
 * (JDK 21 and later with {@code jdk.internal.vm} exported to the library; see {@link
 * #contextManager}). The exception rules are:
 *
 * <ol>
 *   <li>if {@code enter} throws, the body and {@code exit} do not run and the exception propagates
 *       as is;
 *   <li>if the body throws X and {@code exit} returns {@code true}, X is suppressed and {@code
 *       with} returns {@code null};
 *   <li>if the body throws X and {@code exit} returns {@code false}, X propagates;
 *   <li>if {@code exit} throws Y, Y propagates, with the body's X (if any) attached to it as
 *       suppressed;
 *   <li>otherwise the body's result is returned.
 * </ol>
 *
 * <p>What the body throws is declared through its type parameter {@code X}; what {@code enter} and
 * {@code exit} throw propagates unchanged, and is declared too when the manager is a {@link
 * CheckedContextManager} (whose type says what that is), undeclared otherwise.
 *
 * <p><b>Thread safety:</b> this class is stateless and its methods are thread-safe. The managers it
 * returns say whether they are; {@link #redirectStdout} and {@link #redirectStderr} change JVM-wide
 * state and must not be used from several threads at once.
 *
 * <p>Python: the {@code with} statement and the functions of {@code contextlib}.
 *
 * @since 0.1.0
 */
public final class Contexts {
  private Contexts() {}

  // --- the with statement ------------------------------------------------------------------------

  /**
   * Runs {@code body} inside {@code manager}, as Python's {@code with manager as value: body}, and
   * returns the body's result.
   *
   * <p>See the <a href="#exceptions">exception semantics</a>.
   *
   * @apiNote A body that returns nothing ({@code c -> insert(c)} with a {@code void insert}) is
   *     {@link #run}'s, not this method's: Java cannot overload the two on a lambda's shape, and
   *     {@code with} then fails to compile with "bad return type in lambda expression". When the
   *     exit suppresses the body's exception, this returns {@code null}: assigning it to a
   *     primitive ({@code int n = with(suppress(X.class), ...)}) unboxes null and throws {@link
   *     NullPointerException}; write {@code Optional.ofNullable(with(...)).orElse(fallback)}
   *     instead. A checked exception that the manager's {@code enter} or {@code exit} throws is not
   *     declared here (see the <a href="#exceptions">exception semantics</a>); implement {@link
   *     CheckedContextManager} to have it declared by {@link #with(CheckedContextManager,
   *     ContextBody)}.
   * @param manager the manager to enter and exit
   * @param body the block; it receives what {@code manager.enter()} returned
   * @param <T> the type of value the manager returns
   * @param <R> the body's result type
   * @param <X> the exception type the body may throw
   * @return the body's result, or {@code null} if the body threw and the exit suppressed it
   * @throws X if the body throws it and the exit neither suppresses nor replaces it
   */
  public static <T extends @Nullable Object, R extends @Nullable Object, X extends Throwable>
      @Nullable R with(
          ContextManager<T> manager, ContextBody<? super T, ? extends R, ? extends X> body)
          throws X {
    if (manager == null || body == null) {
      // Checked inline, with one branch: Contexts.run(new ExitStack(), ...) is scalar-replaced
      // only if this method, compiled with the body and the close inlined, stays under C2's
      // InlineSmallCode (docs/benchmarks.md).
      throw nullArgument(manager == null ? "manager" : "body");
    }
    if (manager instanceof GeneratorContextManager<T> generator) {
      return generator.call(body); // callback mode: the body runs inside the yield
    }
    T value = enter(manager);
    R result;
    try {
      result = body.apply(value);
    } catch (Throwable failure) {
      Throwable out = StackFrames.runEntry(manager, AbstractExitStack.MANAGER, failure);
      if (out != null) {
        throw sneakyThrow(out);
      }
      return null;
    }
    Throwable out = StackFrames.runEntry(manager, AbstractExitStack.MANAGER, null);
    if (out != null) {
      throw sneakyThrow(out);
    }
    return result;
  }

  /**
   * Runs {@code body} inside {@code manager}, as Python's {@code with manager as value: body}.
   *
   * <p>See the <a href="#exceptions">exception semantics</a>.
   *
   * @param manager the manager to enter and exit
   * @param body the block; it receives what {@code manager.enter()} returned
   * @param <T> the type of value the manager returns
   * @param <X> the exception type the body may throw
   * @throws X if the body throws it and the exit neither suppresses nor replaces it
   */
  public static <T extends @Nullable Object, X extends Throwable> void run(
      ContextManager<T> manager, ContextAction<? super T, ? extends X> body) throws X {
    // The action is the block itself (a ContextBody returning null): an adapter around it was
    // one more object per call that C2 did not remove where the block escaped (measured: 16 B of
    // callback mode's 56 on JDK 17, and of run(new ExitStack(), ...) at N = 4 and 16;
    // docs/benchmarks.md).
    with(manager, body);
  }

  /**
   * {@link #with(ContextManager, ContextBody)} for a manager that declares the checked exception
   * its enter and exit throw: this form declares it too, next to the body's, so that the caller can
   * catch it by its type.
   *
   * <pre>{@code
   * try {
   *   int rows = with(new Transaction(connection), c -> insertRows(c));
   * } catch (SQLException e) {   // from the manager's enter or exit, or from the body
   *   report(e);
   * }
   * }</pre>
   *
   * <p>See the <a href="#exceptions">exception semantics</a>.
   *
   * @param manager the manager to enter and exit
   * @param body the block; it receives what {@code manager.enter()} returned
   * @param <T> the type of value the manager returns
   * @param <R> the body's result type
   * @param <X> the exception type the body may throw
   * @param <E> the exception type the manager's enter and exit may throw
   * @return the body's result, or {@code null} if the body threw and the exit suppressed it
   * @throws X if the body throws it and the exit neither suppresses nor replaces it
   * @throws E if the manager's enter throws it, or its exit throws it (replacing the body's
   *     exception, which is attached to it)
   */
  public static <
          T extends @Nullable Object,
          R extends @Nullable Object,
          X extends Throwable,
          E extends Exception>
      @Nullable R with(
          CheckedContextManager<T, E> manager,
          ContextBody<? super T, ? extends R, ? extends X> body)
          throws X, E {
    return with((ContextManager<T>) manager, body); // the undeclared form, which throws only these
  }

  /**
   * {@link #run(ContextManager, ContextAction)} for a manager that declares the checked exception
   * its enter and exit throw: this form declares it too, next to the body's.
   *
   * <pre>{@code
   * try {
   *   run(new Transaction(connection), c -> insertRows(c));
   * } catch (SQLException e) {
   *   report(e);
   * }
   * }</pre>
   *
   * @param manager the manager to enter and exit
   * @param body the block; it receives what {@code manager.enter()} returned
   * @param <T> the type of value the manager returns
   * @param <X> the exception type the body may throw
   * @param <E> the exception type the manager's enter and exit may throw
   * @throws X if the body throws it and the exit neither suppresses nor replaces it
   * @throws E if the manager's enter or exit throws it
   */
  public static <T extends @Nullable Object, X extends Throwable, E extends Exception> void run(
      CheckedContextManager<T, E> manager, ContextAction<? super T, ? extends X> body) throws X, E {
    run((ContextManager<T>) manager, body);
  }

  // --- helper managers ---------------------------------------------------------------------------

  /**
   * A manager that suppresses an exception in flight if it is an instance of one of {@code types}
   * (subclasses included), and lets any other continue. Execution resumes after the block. With no
   * types it suppresses nothing.
   *
   * <pre>{@code
   * run(suppress(NoSuchFileException.class), ignored -> Files.delete(path));
   * }</pre>
   *
   * <p>Stateless: reentrant, reusable and thread-safe. Its {@code enter} returns {@code null}.
   *
   * <p>Python: {@code contextlib.suppress}.
   *
   * @param types the exception types to suppress
   * @return the manager
   */
  @SafeVarargs
  public static ContextManager<@Nullable Void> suppress(Class<? extends Throwable>... types) {
    checkNotNull(types, "types");
    List<Class<? extends Throwable>> copy = new ArrayList<>(types.length);
    for (int i = 0; i < types.length; i++) {
      copy.add(checkNotNull(types[i], "types[" + i + "]"));
    }
    return new Suppress(List.copyOf(copy));
  }

  /**
   * A manager whose {@code enter} returns {@code resource} and whose exit closes it, as a plain
   * cleanup (try-with-resources rules: a failing close never hides the exception in flight):
   *
   * <pre>{@code
   * try {
   *   body(resource);
   * } finally {
   *   resource.close();   // a failure here is added as suppressed to the body's exception
   * }
   * }</pre>
   *
   * <p>Reentrant only if the resource's close is idempotent. Python: {@code contextlib.closing}.
   *
   * @param resource the resource to close on exit
   * @param <C> the resource type
   * @return the manager
   */
  public static <C extends AutoCloseable> ContextManager<C> closing(C resource) {
    return new Closing<>(checkNotNull(resource, "resource"));
  }

  /**
   * A manager that acquires a resource on enter and releases it on exit as a plain cleanup: the
   * synchronous counterpart of {@link #resourceAsync}, for resources that are not {@link
   * AutoCloseable} or whose release is not {@code close()}. Equivalent to:
   *
   * <pre>{@code
   * R resource = acquire.call();
   * try {
   *   body(resource);
   * } finally {
   *   release.release(resource);   // a failure here is added as suppressed to the body's exception
   * }
   * }</pre>
   *
   * <p>For example:
   *
   * <pre>{@code
   * ContextManager<ExecutorService> workers =
   *     resource(() -> Executors.newFixedThreadPool(4), ExecutorService::shutdownNow);
   * run(workers, pool -> pool.invokeAll(tasks));
   * }</pre>
   *
   * <p>If {@code acquire} throws, nothing is held and the exception propagates as is. The release
   * never sees, suppresses or replaces the exception in flight: if it fails while X is in flight,
   * its failure is attached to X (rule 4 of {@link ExitStack}'s exception semantics). Each enter
   * acquires a new resource and each exit releases the most recent one: the manager is reentrant
   * and reusable when entered and exited in nested order (an exit without an enter throws {@link
   * IllegalStateException}).
   *
   * <p>Python: the {@code @contextmanager} recipe {@code r = acquire(); try: yield r; finally:
   * release(r)}.
   *
   * @param acquire acquires the resource
   * @param release releases it
   * @param <R> the resource type
   * @return the manager
   */
  public static <R extends @Nullable Object> ContextManager<R> resource(
      Callable<? extends R> acquire, ResourceCleanup<? super R> release) {
    return new Resource<>(checkNotNull(acquire, "acquire"), checkNotNull(release, "release"));
  }

  /**
   * A manager that acquires a resource on enter and releases it on exit with a release that sees
   * how the block ended: the exception in flight, or {@code null}. The release cannot suppress; if
   * it throws Y, Y replaces the exception in flight X, with X attached to it (rule 3 of {@link
   * ExitStack}'s exception semantics), as an exit's does.
   *
   * <pre>{@code
   * ContextManager<Connection> transaction = resource(
   *     () -> dataSource.getConnection(),
   *     (c, failure) -> {
   *       try {
   *         if (failure == null) c.commit(); else c.rollback();
   *       } finally {
   *         c.close();
   *       }
   *     });
   * run(transaction, c -> insertRows(c));
   * }</pre>
   *
   * <p>Otherwise as {@link #resource(Callable, ResourceCleanup)}. Python: the {@code
   * @contextmanager} recipe with {@code try: yield r; except BaseException as e: ...; finally:
   * ...}; cats-effect's {@code Resource.makeCase}.
   *
   * @param acquire acquires the resource
   * @param release releases it, given the resource and the exception in flight (or null)
   * @param <R> the resource type
   * @return the manager
   */
  public static <R extends @Nullable Object> ContextManager<R> resource(
      Callable<? extends R> acquire, ResourceExit<? super R> release) {
    return new Resource.Aware<>(checkNotNull(acquire, "acquire"), checkNotNull(release, "release"));
  }

  // --- closing many ------------------------------------------------------------------------------

  /**
   * Closes each resource, in the order given, skipping nulls; every one is closed even when some
   * fail. The first failure propagates as the same instance, with each later one attached to it
   * with {@link Throwable#addSuppressed}, as try-with-resources does (undeclared if checked).
   *
   * <pre>{@code
   * closeAll(in, out, socket);   // all three are closed; out's failure does not stop socket's close
   * }</pre>
   *
   * <p>Each failure is folded by the exception rule of a plain cleanup (rule 4 of {@link
   * ExitStack}'s <a href="ExitStack.html#exceptions">exception semantics</a>): a later {@link
   * VirtualMachineError} is not hidden under an ordinary first failure (it propagates, with that
   * one attached); an {@link InterruptedException} that ends up attached to another exception sets
   * the thread's interrupt status again; no failure is lost and none suppresses itself (a resource
   * that throws the same instance twice is attached once). A resource given twice is closed twice,
   * as the same variable in two try-with-resources would be. A stack among the resources is closed
   * in place, as {@link CleanupStack#register(AutoCloseable)} would close it, without recursion.
   *
   * <p>Unlike an {@link ExitStack}, which closes in reverse order of registration, this closes in
   * the order given, for resources that have no order of acquisition (the values of a map, a pool's
   * idle connections). Python: none. Guava's {@code Closer}, Agrona's {@code CloseHelper.closeAll}.
   *
   * @param resources the resources to close; null elements are skipped
   * @throws NullPointerException if {@code resources} is null (nothing is closed)
   */
  public static void closeAll(@Nullable AutoCloseable... resources) {
    closeAll(Arrays.asList(checkNotNull(resources, "resources")));
  }

  /**
   * Closes each resource of {@code resources}, in iteration order, skipping nulls; every one is
   * closed even when some fail, as {@link #closeAll(AutoCloseable...)}.
   *
   * <pre>{@code
   * closeAll(connectionsByTenant.values());
   * }</pre>
   *
   * <p>Each resource is closed as soon as it is taken from the iterator. If the iterator itself
   * throws (in {@code hasNext} or {@code next}), iteration stops: every resource taken before has
   * been closed, and the iterator's exception is folded as one more failure (it propagates if it is
   * the first, or is attached to the first), so nothing taken is left unclosed and no failure is
   * lost. If {@code iterator()} throws, nothing is closed and that exception propagates as is.
   *
   * @param resources the resources to close; null elements are skipped
   * @throws NullPointerException if {@code resources} is null (nothing is closed)
   */
  public static void closeAll(Iterable<? extends @Nullable AutoCloseable> resources) {
    Iterator<? extends @Nullable AutoCloseable> it =
        checkNotNull(resources, "resources").iterator();
    Throwable failure = null;
    while (true) {
      AutoCloseable resource;
      try {
        if (!it.hasNext()) {
          break;
        }
        resource = it.next();
      } catch (Throwable t) {
        failure = ExceptionRule.cleanupThrew(failure, t); // one more failure; the rest is unknown
        break;
      }
      if (resource != null) {
        // The engine's step for one entry: the plain cleanup's rule, a nested stack in place.
        failure = StackFrames.runEntry(resource, AbstractExitStack.PLAIN, failure);
      }
    }
    if (failure != null) {
      throw sneakyThrow(failure);
    }
  }

  /**
   * A manager that does nothing and enters to {@code null}; a stand-in for an optional manager.
   *
   * <p>Stateless, reentrant, reusable and thread-safe. Python: {@code contextlib.nullcontext()}.
   *
   * @param <T> the type the caller expects
   * @return the manager
   */
  @SuppressWarnings("NullAway") // T is @Nullable here; see NULLAWAY_NOTE in AbstractExitStack
  public static <T> ContextManager<@Nullable T> nullContext() {
    return new NullContext<@Nullable T>(null);
  }

  /**
   * A manager that does nothing and enters to {@code value}; a stand-in for an optional manager:
   *
   * <pre>{@code
   * ContextManager<Connection> c = shared != null ? nullContext(shared) : new Pooled(pool);
   * }</pre>
   *
   * <p>Stateless, reentrant, reusable and thread-safe. Python: {@code
   * contextlib.nullcontext(enter_result)}.
   *
   * @param value what {@code enter} returns
   * @param <T> the value's type
   * @return the manager
   */
  public static <T extends @Nullable Object> ContextManager<T> nullContext(T value) {
    return new NullContext<>(value);
  }

  /**
   * A manager that sets {@link System#out} to {@code target} on enter and restores the previous
   * stream on exit.
   *
   * <p>This changes JVM-wide state: every thread's {@code System.out} is redirected for the
   * duration. The manager is reentrant and reusable (each enter remembers what it replaced), but
   * neither it nor {@code System.setOut} is safe to use from several threads at once.
   *
   * <p>Python: {@code contextlib.redirect_stdout}.
   *
   * @param target the stream to write to while entered
   * @return the manager; its {@code enter} returns {@code target}
   */
  public static ContextManager<PrintStream> redirectStdout(PrintStream target) {
    return new RedirectStream(
        checkNotNull(target, "target"), () -> System.out, System::setOut, "redirectStdout");
  }

  /**
   * A manager that sets {@link System#err} to {@code target} on enter and restores the previous
   * stream on exit. JVM-wide, reentrant and reusable, as {@link #redirectStdout}.
   *
   * <p>Python: {@code contextlib.redirect_stderr}.
   *
   * @param target the stream to write to while entered
   * @return the manager; its {@code enter} returns {@code target}
   */
  public static ContextManager<PrintStream> redirectStderr(PrintStream target) {
    return new RedirectStream(
        checkNotNull(target, "target"), () -> System.err, System::setErr, "redirectStderr");
  }

  /**
   * A generator-style manager: {@code body} does its setup, calls the yielder once with the value
   * the with-block receives, then does its teardown. Python's {@code @contextmanager}.
   *
   * <pre>{@code
   * ContextManager<Connection> transaction = contextManager(y -> {
   *   Connection c = pool.getConnection();
   *   try {
   *     y.yield(c);             // the with-block runs here
   *     c.commit();
   *   } catch (Throwable failure) {
   *     c.rollback();
   *     throw failure;          // the block's exception continues
   *   } finally {
   *     c.close();
   *   }
   * });
   * run(transaction, c -> insertRows(c));
   * }</pre>
   *
   * <p>When the with-block throws X, {@link Yielder#yield} throws X (the same instance) inside the
   * body, so the body can catch it and return (X is suppressed), rethrow it (X continues), or throw
   * another exception Y (Y replaces X). Unlike Python, Java chains nothing implicitly: a body that
   * replaces X attaches it itself if it wants to, as any {@code catch} block would ({@code new
   * Y(message, x)} or {@code y.addSuppressed(x)}). A body that returns without yielding makes
   * {@code enter} throw an {@link IllegalStateException} saying that the body ended without calling
   * {@code yield}; a body that yields a second time is closed (its {@code finally} clauses run) and
   * the exit throws an {@code IllegalStateException} saying that it called {@code yield} a second
   * time, with X attached if the block had thrown X. A body that catches that close and yields once
   * more makes the exit throw an {@code IllegalStateException} saying so, with the first error
   * attached, as CPython's {@code close()} raises it. (Python's messages: "generator didn't yield",
   * "generator didn't stop", "generator didn't stop after throw()" and "generator ignored
   * GeneratorExit".) When {@link LeakDetection} was on as the manager was created, each of these
   * messages ends with where it was created.
   *
   * <p><b>One-shot.</b> The manager can be entered once; entering it again throws {@code
   * IllegalStateException}. The decorators ({@link #decorateRunnable} and the others) run a fresh
   * copy of the body for each call, so recursive and concurrent calls work.
   *
   * <p><b>Two modes, one semantics.</b> With {@link #with}, {@link #run} and the decorators, the
   * with-block runs inside the yield call, on the caller's thread, and no other thread is used.
   * When {@code enter()} and {@code exit()} are called separately (an {@link ExitStack}, or by
   * hand: <i>split mode</i>), the body must stay suspended at the yield in between. Java 17 has no
   * coroutines, so split mode takes one of two paths, chosen once when the library is loaded; the
   * exception semantics above are the same on both:
   *
   * <ul>
   *   <li><b>Continuations</b> (JDK 21+, when {@code java.base} exports {@code jdk.internal.vm} to
   *       the library: {@code --add-exports java.base/jdk.internal.vm=org.contextlib4j} on the
   *       module path, {@code =ALL-UNNAMED} on the class path; nothing else to set). The body runs
   *       as a continuation mounted on the calling thread: setup runs inside {@code enter()}, the
   *       yield suspends it, {@code exit()} resumes it. Setup, block and teardown see the same
   *       {@link Thread#currentThread()}, the same {@code ThreadLocal} values, and the same
   *       interrupt status, as in callback mode; a {@code ReentrantLock} taken in setup is held by
   *       the block; teardown's stack trace shows the caller of {@code exit}. {@code exit()} may be
   *       called on another thread than {@code enter()} (an async stack's cleanup does so): the
   *       body resumes on that thread, so its teardown sees that thread's thread-locals, and
   *       unlocking a lock the setup took there throws {@code IllegalMonitorStateException}, as it
   *       would in plain code. A monitor ({@code synchronized}) held across the yield stays with
   *       the suspended body on JDK 24+ (the block does not hold it, and blocks if it tries to take
   *       it); on JDK 21&ndash;23 a yield inside {@code synchronized} is <i>pinned</i>. A pinned
   *       yield (also from inside a native frame, such as a class initializer) cannot suspend: the
   *       body is closed there (its {@code finally} clauses run, as when a generator is closed) and
   *       run again from the start on a helper thread, so its setup runs twice for that one
   *       manager; later managers whose body is of the same class go straight to a helper thread.
   *   <li><b>Helper threads</b> (JDK 17, no export, or {@code -Dorg.contextlib4j.splitMode=threads}
   *       to diagnose): the body runs on a pooled helper thread (virtual when the JVM has them),
   *       handing control back and forth with the caller so that exactly one of the two runs at any
   *       time; every write before a hand-off happens-before every read after it. Setup and
   *       teardown run on the helper thread: a {@code ThreadLocal} set in setup is not the block's,
   *       a lock taken in setup is held by the helper thread (the block does not hold it), and
   *       teardown's stack trace does not show the caller. If the caller is interrupted while it
   *       waits for the body, the interrupt is passed on to the helper thread, the caller still
   *       waits for the body to reach its next yield or end, and the caller's interrupt status is
   *       set again when it returns. If the block threw an {@link InterruptedException} and the
   *       body stops it (returns, or throws another exception), the interrupt status of the thread
   *       that called {@code exit} is set again, never the helper thread's (see {@link Yielder}'s
   *       <a href="Yielder.html#exceptions">exception semantics</a>).
   * </ul>
   *
   * <p>{@code -Dorg.contextlib4j.splitMode=continuations} makes a split-mode {@code enter()} throw
   * {@code IllegalStateException}, saying why, when continuations are not available, instead of
   * falling back silently.
   *
   * <p><b>A manager entered and never exited.</b> With continuations, the suspended body is an
   * ordinary object: once the manager is unreachable it is garbage collected with everything the
   * body references, and no thread is kept; unlike Python, which closes a collected generator, its
   * {@code finally} clauses never run. With helper threads, the body is closed when the manager
   * becomes unreachable (its {@code finally} clauses run on the helper thread, which is then free),
   * but the parked helper thread keeps what the body references reachable, so a body that refers
   * back to its manager (say, a method of the service that holds it) keeps its thread and all it
   * references forever. Either way {@link LeakDetection} reports such a manager, with where it was
   * created, once it is collected. Exit managers you enter; garbage collection is a safety net, not
   * a plan.
   *
   * <p>Python: {@code contextlib.contextmanager}.
   *
   * @param body the setup, one yield, and the teardown
   * @param <T> the type of value the with-block receives
   * @return a one-shot manager
   */
  public static <T extends @Nullable Object> ContextManager<T> contextManager(
      GeneratorBody<T> body) {
    return new GeneratorContextManager<>(checkNotNull(body, "body"));
  }

  // --- decorators --------------------------------------------------------------------------------

  /**
   * Wraps {@code action} so that each call runs inside {@code manager}, which is reused for every
   * call (a {@linkplain #contextManager generator-style} one is recreated per call); the result's
   * {@code run} declares what {@code action} throws, so a caller can catch it by its type.
   *
   * <pre>{@code
   * CheckedRunnable<IOException> export = decorate(new Logged("export"), () -> Files.delete(path));
   * try {
   *   export.run();
   * } catch (IOException e) {   // compiles: run declares what the action throws
   *   log.add("export failed: " + e);
   * }
   * }</pre>
   *
   * <p>Each call behaves as {@code run(manager, ignored -> action.run())}: see the <a
   * href="#exceptions">exception semantics</a>. A call whose exception the exit suppressed returns
   * normally. What the manager's enter and exit throw propagates unchanged but undeclared; the
   * overload for a {@link CheckedContextManager} declares it too. The decorated action is as
   * thread-safe as {@code manager} is reentrant and thread-safe (it must be, for recursive or
   * concurrent calls). Python: {@code ContextDecorator}.
   *
   * @apiNote The {@code decorate} overloads choose between a {@link CheckedRunnable} and a {@link
   *     CheckedCallable} by the lambda's shape, as {@code ExecutorService.submit} does: {@code ()
   *     -> insert()} with a {@code void insert} is a runnable, {@code () -> count()} a callable.
   *     Use them instead of {@link #decorateRunnable}, which cannot throw a checked exception, and
   *     {@link #decorateCallable}, which declares {@link Exception}.
   * @param manager the manager each call runs inside
   * @param action the action to wrap
   * @param <X> the exception type the action may throw
   * @return the wrapped action
   */
  public static <X extends Throwable> CheckedRunnable<X> decorate(
      ContextManager<?> manager, CheckedRunnable<? extends X> action) {
    return decorate(fixed(manager), action);
  }

  /**
   * Wraps {@code callable} so that each call runs inside {@code manager}, reused for every call;
   * the result's {@code call} declares what {@code callable} throws. A call whose exception the
   * exit suppressed returns {@code null}.
   *
   * <pre>{@code
   * CheckedCallable<Long, IOException> size = decorate(new Logged("size"), () -> Files.size(path));
   * try {
   *   long bytes = size.call();
   * } catch (IOException e) {
   *   log.add("no size: " + e);
   * }
   * }</pre>
   *
   * @param manager the manager each call runs inside
   * @param callable the computation to wrap
   * @param <V> the result type
   * @param <X> the exception type the computation may throw
   * @return the wrapped computation
   * @see #decorate(ContextManager, CheckedRunnable)
   */
  public static <V extends @Nullable Object, X extends Throwable>
      CheckedCallable<@Nullable V, X> decorate(
          ContextManager<?> manager, CheckedCallable<? extends V, ? extends X> callable) {
    return decorate(fixed(manager), callable);
  }

  /**
   * {@link #decorate(ContextManager, CheckedRunnable)} for a manager that declares the checked
   * exception its enter and exit throw: the result's {@code run} declares it too, with what {@code
   * action} throws, as one type {@code X}, so that the caller can catch it by its type.
   *
   * <pre>{@code
   * CheckedRunnable<SQLException> batch = decorate(new Transaction(connection), () -> nightlyBatch());
   * try {
   *   batch.run();
   * } catch (SQLException e) {   // from the manager's enter or exit
   *   report(e);
   * }
   * }</pre>
   *
   * <p>The compiler infers {@code X} from both: a manager's {@code SQLException} and an action that
   * throws nothing checked give {@code SQLException}; two unrelated checked types give their common
   * supertype (often {@link Exception}). Overload resolution picks this form whenever the manager's
   * static type is a {@code CheckedContextManager}.
   *
   * @apiNote {@code X} is bounded by {@link Exception}, as the manager's is: an action that throws
   *     a checked {@link Throwable} that is not an {@code Exception} does not compile here; pass
   *     the manager as a {@code ContextManager<?>} to decorate it with the plain form.
   * @param manager the manager each call runs inside
   * @param action the action to wrap
   * @param <X> the exception type the manager and the action may throw
   * @return the wrapped action
   * @see #decorate(ContextManager, CheckedRunnable)
   */
  public static <X extends Exception> CheckedRunnable<X> decorate(
      CheckedContextManager<?, ? extends X> manager, CheckedRunnable<? extends X> action) {
    return decorate((ContextManager<?>) manager, action); // the undeclared form, throws only X
  }

  /**
   * {@link #decorate(ContextManager, CheckedCallable)} for a manager that declares the checked
   * exception its enter and exit throw: the result's {@code call} declares it too, with what {@code
   * callable} throws, as one type {@code X}.
   *
   * <pre>{@code
   * CheckedCallable<Integer, SQLException> insert =
   *     decorate(new Transaction(connection), () -> insertRows(connection));
   * try {
   *   int rows = insert.call();
   * } catch (SQLException e) {   // from the manager's enter or exit, or from insertRows
   *   report(e);
   * }
   * }</pre>
   *
   * @param manager the manager each call runs inside
   * @param callable the computation to wrap
   * @param <V> the result type
   * @param <X> the exception type the manager and the computation may throw
   * @return the wrapped computation
   * @see #decorate(CheckedContextManager, CheckedRunnable)
   */
  public static <V extends @Nullable Object, X extends Exception>
      CheckedCallable<@Nullable V, X> decorate(
          CheckedContextManager<?, ? extends X> manager,
          CheckedCallable<? extends V, ? extends X> callable) {
    return decorate((ContextManager<?>) manager, callable);
  }

  /**
   * Wraps {@code action} so that each call runs inside a fresh manager from {@code factory}; the
   * result's {@code run} declares what {@code action} throws.
   *
   * <pre>{@code
   * CheckedRunnable<IOException> export =
   *     decorate(() -> new Logged("export"), () -> Files.delete(path));
   * }</pre>
   *
   * @param factory called once per call for the manager to use
   * @param action the action to wrap
   * @param <X> the exception type the action may throw
   * @return the wrapped action
   * @see #decorate(ContextManager, CheckedRunnable)
   */
  public static <X extends Throwable> CheckedRunnable<X> decorate(
      Supplier<? extends ContextManager<?>> factory, CheckedRunnable<? extends X> action) {
    checkNotNull(factory, "factory");
    checkNotNull(action, "action");
    return () -> run(fresh(factory), ignored -> action.run());
  }

  /**
   * Wraps {@code callable} so that each call runs inside a fresh manager from {@code factory}; the
   * result's {@code call} declares what {@code callable} throws.
   *
   * @param factory called once per call for the manager to use
   * @param callable the computation to wrap
   * @param <V> the result type
   * @param <X> the exception type the computation may throw
   * @return the wrapped computation
   * @see #decorate(ContextManager, CheckedRunnable)
   */
  @SuppressWarnings("NullAway") // V is @Nullable here; see NULLAWAY_NOTE in AbstractExitStack
  public static <V extends @Nullable Object, X extends Throwable>
      CheckedCallable<@Nullable V, X> decorate(
          Supplier<? extends ContextManager<?>> factory,
          CheckedCallable<? extends V, ? extends X> callable) {
    checkNotNull(factory, "factory");
    checkNotNull(callable, "callable");
    return () -> with(fresh(factory), ignored -> callable.call());
  }

  /**
   * Wraps {@code action} so that each call runs inside a fresh {@link CheckedContextManager} from
   * {@code factory}; the result's {@code run} declares what the factory, its managers and {@code
   * action} throw, as one type {@code X}.
   *
   * <pre>{@code
   * CheckedRunnable<SQLException> batch =
   *     decorate(() -> new Transaction(dataSource.getConnection()), () -> nightlyBatch());
   * try {
   *   batch.run();
   * } catch (SQLException e) {   // from getConnection, or the transaction's enter or exit
   *   report(e);
   * }
   * }</pre>
   *
   * <p>Unlike the plain factory form, which takes a {@link Supplier}, the factory is a {@link
   * CheckedCallable}, which may throw {@code X} (opening the connection a manager needs throws what
   * the manager throws); a factory's exception propagates as is, and nothing is entered. (Java
   * cannot overload on {@code Supplier<? extends CheckedContextManager<...>>} next to {@code
   * Supplier<? extends ContextManager<?>>}: the two erase to the same signature.) A {@code
   * Supplier} of checked managers held in a variable picks the plain form, which does not declare
   * the managers' exception.
   *
   * @param factory called once per call for the manager to use; may throw {@code X}
   * @param action the action to wrap
   * @param <X> the exception type the factory, the managers and the action may throw
   * @return the wrapped action
   * @see #decorate(CheckedContextManager, CheckedRunnable)
   */
  public static <X extends Exception> CheckedRunnable<X> decorate(
      CheckedCallable<? extends CheckedContextManager<?, ? extends X>, ? extends X> factory,
      CheckedRunnable<? extends X> action) {
    return decorate(undeclared(factory), action);
  }

  /**
   * Wraps {@code callable} so that each call runs inside a fresh {@link CheckedContextManager} from
   * {@code factory}; the result's {@code call} declares what the factory, its managers and {@code
   * callable} throw, as one type {@code X}.
   *
   * @param factory called once per call for the manager to use; may throw {@code X}
   * @param callable the computation to wrap
   * @param <V> the result type
   * @param <X> the exception type the factory, the managers and the computation may throw
   * @return the wrapped computation
   * @see #decorate(CheckedCallable, CheckedRunnable)
   */
  public static <V extends @Nullable Object, X extends Exception>
      CheckedCallable<@Nullable V, X> decorate(
          CheckedCallable<? extends CheckedContextManager<?, ? extends X>, ? extends X> factory,
          CheckedCallable<? extends V, ? extends X> callable) {
    return decorate(undeclared(factory), callable);
  }

  /**
   * Wraps {@code action} so that each call runs inside {@code manager}, which is reused for every
   * call (it must be reentrant for recursive or concurrent calls).
   *
   * <pre>{@code
   * Runnable logged = decorateRunnable(new Logged("batch"), () -> System.out.println("work"));
   * logged.run();
   * }</pre>
   *
   * <p>Exceptions as in {@link #with}; a call whose exception is suppressed returns normally.
   * Python: {@code ContextDecorator}.
   *
   * @apiNote A {@link Runnable} cannot throw a checked exception. For a body that does, use {@link
   *     #decorate(ContextManager, CheckedRunnable)}, whose {@link CheckedRunnable} declares what
   *     the body throws (and, given a {@link CheckedContextManager}, what the manager throws).
   * @param manager the manager each call runs inside
   * @param action the function to wrap
   * @return the wrapped function
   */
  public static Runnable decorateRunnable(ContextManager<?> manager, Runnable action) {
    return decorateRunnable(fixed(manager), action);
  }

  /**
   * Wraps {@code action} so that each call runs inside a fresh manager from {@code factory}.
   *
   * @param factory called once per call for the manager to use
   * @param action the function to wrap
   * @return the wrapped function
   * @see #decorateRunnable(ContextManager, Runnable)
   */
  public static Runnable decorateRunnable(
      Supplier<? extends ContextManager<?>> factory, Runnable action) {
    checkNotNull(factory, "factory");
    checkNotNull(action, "action");
    return () -> run(fresh(factory), ignored -> action.run());
  }

  /**
   * Wraps {@code callable} so that each call runs inside {@code manager}, reused for every call. A
   * call whose exception is suppressed returns {@code null}.
   *
   * @apiNote The result's {@code call} declares {@link Exception}, whatever the callable and the
   *     manager throw, so {@code catch (SQLException e)} alone does not compile around it. {@link
   *     #decorate(ContextManager, CheckedCallable)} declares what they really throw.
   * @param manager the manager each call runs inside
   * @param callable the function to wrap
   * @param <V> the result type
   * @return the wrapped function
   * @see #decorateRunnable(ContextManager, Runnable)
   */
  public static <V extends @Nullable Object> Callable<@Nullable V> decorateCallable(
      ContextManager<?> manager, Callable<V> callable) {
    return decorateCallable(fixed(manager), callable);
  }

  /**
   * Wraps {@code callable} so that each call runs inside a fresh manager from {@code factory}.
   *
   * @param factory called once per call for the manager to use
   * @param callable the function to wrap
   * @param <V> the result type
   * @return the wrapped function
   * @see #decorateRunnable(ContextManager, Runnable)
   */
  public static <V extends @Nullable Object> Callable<@Nullable V> decorateCallable(
      Supplier<? extends ContextManager<?>> factory, Callable<V> callable) {
    checkNotNull(factory, "factory");
    checkNotNull(callable, "callable");
    return () -> with(fresh(factory), ignored -> callable.call());
  }

  /**
   * Wraps {@code supplier} so that each call runs inside {@code manager}, reused for every call. A
   * call whose exception is suppressed returns {@code null}.
   *
   * @param manager the manager each call runs inside
   * @param supplier the function to wrap
   * @param <V> the result type
   * @return the wrapped function
   * @see #decorateRunnable(ContextManager, Runnable)
   */
  public static <V extends @Nullable Object> Supplier<@Nullable V> decorateSupplier(
      ContextManager<?> manager, Supplier<V> supplier) {
    return decorateSupplier(fixed(manager), supplier);
  }

  /**
   * Wraps {@code supplier} so that each call runs inside a fresh manager from {@code factory}.
   *
   * @param factory called once per call for the manager to use
   * @param supplier the function to wrap
   * @param <V> the result type
   * @return the wrapped function
   * @see #decorateRunnable(ContextManager, Runnable)
   */
  public static <V extends @Nullable Object> Supplier<@Nullable V> decorateSupplier(
      Supplier<? extends ContextManager<?>> factory, Supplier<V> supplier) {
    checkNotNull(factory, "factory");
    checkNotNull(supplier, "supplier");
    return () -> with(fresh(factory), ignored -> supplier.get());
  }

  /**
   * Wraps {@code function} so that each call runs inside {@code manager}, reused for every call. A
   * call whose exception is suppressed returns {@code null}.
   *
   * @param manager the manager each call runs inside
   * @param function the function to wrap
   * @param <A> the argument type
   * @param <R> the result type
   * @return the wrapped function
   * @see #decorateRunnable(ContextManager, Runnable)
   */
  public static <A extends @Nullable Object, R extends @Nullable Object>
      Function<A, @Nullable R> decorateFunction(
          ContextManager<?> manager, Function<? super A, ? extends R> function) {
    return decorateFunction(fixed(manager), function);
  }

  /**
   * Wraps {@code function} so that each call runs inside a fresh manager from {@code factory}.
   *
   * @param factory called once per call for the manager to use
   * @param function the function to wrap
   * @param <A> the argument type
   * @param <R> the result type
   * @return the wrapped function
   * @see #decorateRunnable(ContextManager, Runnable)
   */
  public static <A extends @Nullable Object, R extends @Nullable Object>
      Function<A, @Nullable R> decorateFunction(
          Supplier<? extends ContextManager<?>> factory,
          Function<? super A, ? extends R> function) {
    checkNotNull(factory, "factory");
    checkNotNull(function, "function");
    return argument -> with(fresh(factory), ignored -> function.apply(argument));
  }

  // --- async
  // --------------------------------------------------------------------------------------

  /**
   * Runs {@code body} inside {@code manager}, as Python's {@code async with manager as value:
   * body}: enters, starts the body with the entered value, and when the body's stage completes,
   * exits with its outcome.
   *
   * <pre>{@code
   * CompletionStage<HttpResponse<String>> response =
   *     withAsync(new Lease(), lease -> client.sendAsync(request, ofString()));
   * }</pre>
   *
   * <p>The same rules as {@link #with}, through stages: it behaves exactly like an {@link
   * AsyncExitStack} holding only the manager. The returned stage fails with the exception itself
   * (never a {@link java.util.concurrent.CompletionException} around it); if the body's stage is
   * cancelled, the exit sees the {@link java.util.concurrent.CancellationException}. Nothing is
   * thrown synchronously except for null arguments.
   *
   * <p>Python: the {@code async with} statement.
   *
   * @param manager the manager to enter and exit
   * @param body starts the block; it receives what the enter stage completed with
   * @param <T> the type of value the manager's enter completes with
   * @param <R> the body's result type
   * @return a stage completing with the body's result, with {@code null} if the body failed and the
   *     exit suppressed it, or exceptionally with what is in flight after the exit
   */
  public static <T extends @Nullable Object, R extends @Nullable Object>
      CompletionStage<@Nullable R> withAsync(
          AsyncContextManager<T> manager,
          Function<? super T, ? extends CompletionStage<? extends R>> body) {
    checkNotNull(manager, "manager");
    checkNotNull(body, "body");
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable R> result = new CompletableFuture<>();
    CallerScope call = new CallerScope(); // the block's thread, until withAsync returns
    stack
        .enterAsyncContext(manager)
        .whenComplete(
            (value, enterFailure) -> {
              if (enterFailure != null) {
                result.completeExceptionally(Stages.unwrap(enterFailure));
                return;
              }
              CompletionStage<? extends R> stage;
              try {
                stage = checkNotNull(body.apply(value), "the stage returned by body");
              } catch (Throwable t) {
                stage = Stages.failed(t);
              }
              stage.whenComplete(
                  (r, failure) -> {
                    Throwable x = failure == null ? null : Stages.unwrap(failure);
                    stack
                        .exitInFlightAsync(x, call.active())
                        .whenComplete(
                            (out, never) -> {
                              if (out != null) {
                                result.completeExceptionally(out);
                              } else {
                                result.complete(x == null ? r : null);
                              }
                            });
                  });
            });
    call.leave();
    return result;
  }

  /**
   * A synchronous manager seen as an async one: its enter and exit run at once and return completed
   * stages. For an {@link AutoCloseable}, use {@code toAsync(closing(resource))}. ({@link
   * AsyncExitStack} also takes synchronous managers directly.)
   *
   * @param manager the manager to adapt
   * @param <T> the type of value it enters to
   * @return the async view; exceptions as the manager's own
   */
  public static <T extends @Nullable Object> AsyncContextManager<T> toAsync(
      ContextManager<T> manager) {
    return new SyncAsAsync<>(checkNotNull(manager, "manager"));
  }

  /**
   * An async manager whose enter completes with {@code resource} and whose exit closes it with
   * {@code close}, as a plain cleanup (a failing close is attached to the exception in flight,
   * never hides it). Python: {@code contextlib.aclosing}.
   *
   * <pre>{@code
   * CompletionStage<String> page =
   *     withAsync(closingAsync(client, c -> c.shutdownAsync()), c -> c.fetchAsync(url));
   * }</pre>
   *
   * @param resource what enter completes with
   * @param close starts closing it
   * @param <C> the resource type
   * @return the manager
   */
  public static <C> AsyncContextManager<C> closingAsync(
      C resource, Function<? super C, ? extends CompletionStage<?>> close) {
    return new ClosingAsync<>(checkNotNull(resource, "resource"), checkNotNull(close, "close"));
  }

  /**
   * An async manager that does nothing and enters to {@code null}. Python: {@code
   * contextlib.nullcontext()} used with {@code async with}.
   *
   * @param <T> the type the caller expects
   * @return the manager (it is also a synchronous one)
   */
  @SuppressWarnings("NullAway") // T is @Nullable here; see NULLAWAY_NOTE in AbstractExitStack
  public static <T> AsyncContextManager<@Nullable T> nullContextAsync() {
    return new NullContext<@Nullable T>(null);
  }

  /**
   * An async manager that does nothing and enters to {@code value}. Python: {@code
   * contextlib.nullcontext(enter_result)} used with {@code async with}.
   *
   * @param value what enter completes with
   * @param <T> the value's type
   * @return the manager (it is also a synchronous one)
   */
  public static <T extends @Nullable Object> AsyncContextManager<T> nullContextAsync(T value) {
    return new NullContext<>(value);
  }

  /**
   * An async manager from an acquire stage and a release function that sees how the block ended:
   * each enter acquires, each exit releases the most recent resource. The release stage's {@code
   * true} suppresses the exception in flight, its failure replaces it.
   *
   * <pre>{@code
   * AsyncContextManager<AsyncConnection> connection = resourceAsync(
   *     () -> pool.acquireAsync(),
   *     (c, failure) -> (failure == null ? c.commitAsync() : c.rollbackAsync())
   *         .thenCompose(v -> c.closeAsync())
   *         .thenApply(v -> false));
   * }</pre>
   *
   * <p>Python has no direct equivalent (an {@code @asynccontextmanager} with try/except does this).
   *
   * @param acquire starts acquiring
   * @param release starts releasing, given the resource and the exception in flight (or null)
   * @param <R> the resource type
   * @return the manager
   */
  public static <R extends @Nullable Object> AsyncContextManager<R> resourceAsync(
      Supplier<? extends CompletionStage<R>> acquire,
      BiFunction<? super R, ? super @Nullable Throwable, ? extends CompletionStage<Boolean>>
          release) {
    return new ResourceAsync<>(checkNotNull(acquire, "acquire"), checkNotNull(release, "release"));
  }

  /**
   * An async generator-style manager: {@code body} returns a stage that does the setup, calls
   * {@link AsyncYielder#yieldAsync} once with the value the block receives, waits for the stage
   * that call returns (it completes when the block has finished, exceptionally with the block's
   * exception), then does the teardown. Python's {@code @asynccontextmanager}.
   *
   * <pre>{@code
   * AsyncContextManager<Session> session = asyncContextManager(y ->
   *     client.openAsync().thenCompose(s ->
   *         y.yieldAsync(s)                                  // completes when the with-block ends
   *             .handle((ignored, failure) -> s.closeAsync()  // close in both cases, waiting for it,
   *                 .thenCompose(closed -> failure == null     // then let the block's failure go on
   *                     ? CompletableFuture.<Void>completedFuture(null)
   *                     : CompletableFuture.<Void>failedFuture(failure)))
   *             .thenCompose(teardown -> teardown)));
   * }</pre>
   *
   * <p>The semantics of {@link #contextManager} (one-shot; a body that never yields or yields a
   * second time fails with an {@link IllegalStateException} saying so; nothing chained implicitly),
   * without any helper thread: the body waits for a stage instead of being suspended. The async
   * decorators run a fresh copy per call.
   *
   * <p>Two mistakes of a body are reported, never passed over: a body that returns {@code null}
   * instead of a stage fails the enter stage with {@code NullPointerException}; a body whose stage
   * completes while the stage its {@code yieldAsync} returned is still pending (it did not wait for
   * the block) fails the enter, or the exit, with {@code IllegalStateException}, with the block's
   * exception attached instead of suppressed. See {@link AsyncYielder}'s <a
   * href="AsyncYielder.html#exceptions">exception semantics</a>.
   *
   * <p>Python: {@code contextlib.asynccontextmanager}.
   *
   * @param body the setup, one yield, and the teardown, as a stage
   * @param <T> the type of value the block receives
   * @return a one-shot async manager
   */
  public static <T extends @Nullable Object> AsyncContextManager<T> asyncContextManager(
      AsyncGeneratorBody<T> body) {
    return new AsyncGeneratorContextManager<>(checkNotNull(body, "body"));
  }

  /**
   * Wraps {@code supplier} so that each call runs inside {@code manager}: it enters, calls the
   * supplier, and exits when the supplier's stage completes. The manager is reused for every call,
   * except an async generator-style one, which is recreated per call. Python: {@code
   * AsyncContextDecorator}.
   *
   * <pre>{@code
   * Supplier<CompletionStage<Void>> function =
   *     decorateAsyncSupplier(myContext(), () -> runAsync(() -> print("The bit in the middle")));
   * function.get().toCompletableFuture().join();
   * }</pre>
   *
   * @param manager the manager each call runs inside
   * @param supplier starts the work
   * @param <V> the result type
   * @return the wrapped function; see {@link #withAsync} for its stages
   */
  public static <V extends @Nullable Object>
      Supplier<CompletionStage<@Nullable V>> decorateAsyncSupplier(
          AsyncContextManager<?> manager,
          Supplier<? extends CompletionStage<? extends V>> supplier) {
    return decorateAsyncSupplier(fixedAsync(manager), supplier);
  }

  /**
   * Wraps {@code supplier} so that each call runs inside a fresh manager from {@code factory}.
   *
   * @param factory called once per call for the manager to use
   * @param supplier starts the work
   * @param <V> the result type
   * @return the wrapped function
   * @see #decorateAsyncSupplier(AsyncContextManager, Supplier)
   */
  public static <V extends @Nullable Object>
      Supplier<CompletionStage<@Nullable V>> decorateAsyncSupplier(
          Supplier<? extends AsyncContextManager<?>> factory,
          Supplier<? extends CompletionStage<? extends V>> supplier) {
    checkNotNull(factory, "factory");
    checkNotNull(supplier, "supplier");
    return () ->
        withAsync(
            checkNotNull(factory.get(), "the manager returned by factory"),
            ignored -> supplier.get());
  }

  /**
   * Wraps {@code function} so that each call runs inside {@code manager}, reused for every call (an
   * async generator-style one is recreated per call).
   *
   * @param manager the manager each call runs inside
   * @param function starts the work
   * @param <A> the argument type
   * @param <R> the result type
   * @return the wrapped function
   * @see #decorateAsyncSupplier(AsyncContextManager, Supplier)
   */
  public static <A extends @Nullable Object, R extends @Nullable Object>
      Function<A, CompletionStage<@Nullable R>> decorateAsyncFunction(
          AsyncContextManager<?> manager,
          Function<? super A, ? extends CompletionStage<? extends R>> function) {
    return decorateAsyncFunction(fixedAsync(manager), function);
  }

  /**
   * Wraps {@code function} so that each call runs inside a fresh manager from {@code factory}.
   *
   * @param factory called once per call for the manager to use
   * @param function starts the work
   * @param <A> the argument type
   * @param <R> the result type
   * @return the wrapped function
   * @see #decorateAsyncSupplier(AsyncContextManager, Supplier)
   */
  public static <A extends @Nullable Object, R extends @Nullable Object>
      Function<A, CompletionStage<@Nullable R>> decorateAsyncFunction(
          Supplier<? extends AsyncContextManager<?>> factory,
          Function<? super A, ? extends CompletionStage<? extends R>> function) {
    checkNotNull(factory, "factory");
    checkNotNull(function, "function");
    return argument ->
        withAsync(
            checkNotNull(factory.get(), "the manager returned by factory"),
            ignored -> function.apply(argument));
  }

  private static Supplier<AsyncContextManager<?>> fixedAsync(AsyncContextManager<?> manager) {
    checkNotNull(manager, "manager");
    if (manager instanceof AsyncGeneratorContextManager<?> generator) {
      return generator::recreate; // one-shot: a fresh run per call (CPython's _recreate_cm)
    }
    return () -> manager;
  }

  // --- private helpers ---------------------------------------------------------------------------

  private static <T extends @Nullable Object> T enter(ContextManager<T> manager) {
    try {
      return manager.enter();
    } catch (Exception e) {
      throw sneakyThrow(e);
    }
  }

  private static Supplier<ContextManager<?>> fixed(ContextManager<?> manager) {
    checkNotNull(manager, "manager");
    if (manager instanceof GeneratorContextManager<?> generator) {
      return generator::recreate; // one-shot: a fresh run per call (CPython's _recreate_cm)
    }
    return () -> manager;
  }

  private static ContextManager<?> fresh(Supplier<? extends ContextManager<?>> factory) {
    return checkNotNull(factory.get(), "the manager returned by factory");
  }

  /** A checked factory as a Supplier that throws what the factory throws, undeclared. */
  private static Supplier<ContextManager<?>> undeclared(
      CheckedCallable<? extends ContextManager<?>, ?> factory) {
    checkNotNull(factory, "factory");
    return () -> {
      try {
        return factory.call();
      } catch (Throwable t) {
        throw sneakyThrow(t);
      }
    };
  }
}
