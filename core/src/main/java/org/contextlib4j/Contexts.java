package org.contextlib4j;

import static org.contextlib4j.internal.Throwables.checkNotNull;
import static org.contextlib4j.internal.Throwables.sneakyThrow;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Static entry points: Python's {@code with} statement ({@link #with}, {@link #run}), the helper
 * managers of {@code contextlib} ({@link #suppress}, {@link #closing}, {@link #nullContext}, {@link
 * #redirectStdout}, {@link #redirectStderr}) and decorators that run a function inside a manager
 * ({@code decorate*}, Python's {@code ContextDecorator}).
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
 * <p>{@link #with} and {@link #run} behave exactly like an {@link ExitStack} holding only the
 * manager, closed with the body's exception (see {@link ExitStack}'s <a
 * href="ExitStack.html#exceptions">exception semantics</a>):
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
 * {@code exit} throw propagates unchanged but undeclared.
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
    checkNotNull(manager, "manager");
    checkNotNull(body, "body");
    if (manager instanceof GeneratorContextManager<T> generator) {
      return generator.call(body); // callback mode: the body runs inside the yield
    }
    T value = enter(manager);
    R result;
    try {
      result = body.apply(value);
    } catch (Throwable failure) {
      Throwable out = ExitStack.exitEntry(manager, failure);
      if (out != null) {
        throw sneakyThrow(out);
      }
      return null;
    }
    Throwable out = ExitStack.exitEntry(manager, null);
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
  @SuppressWarnings("NullAway") // the lambda's R is @Nullable Void; see NULLAWAY_NOTE in ExitStack
  public static <T extends @Nullable Object, X extends Throwable> void run(
      ContextManager<T> manager, ContextAction<? super T, ? extends X> body) throws X {
    checkNotNull(body, "body");
    with(
        manager,
        value -> {
          body.accept(value);
          return null;
        });
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
   * A manager that does nothing and enters to {@code null}; a stand-in for an optional manager.
   *
   * <p>Stateless, reentrant, reusable and thread-safe. Python: {@code contextlib.nullcontext()}.
   *
   * @param <T> the type the caller expects
   * @return the manager
   */
  @SuppressWarnings("NullAway") // T is @Nullable here; see NULLAWAY_NOTE in ExitStack
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
   * {@code enter} throw {@code IllegalStateException("generator didn't yield")}; a body that yields
   * a second time is closed (its {@code finally} clauses run) and the exit throws {@code
   * IllegalStateException("generator didn't stop")}, or {@code "generator didn't stop after
   * throw()"} with X attached if the block had thrown X.
   *
   * <p><b>One-shot.</b> The manager can be entered once; entering it again throws {@code
   * IllegalStateException}. The decorators ({@link #decorateRunnable} and the others) run a fresh
   * copy of the body for each call, so recursive and concurrent calls work.
   *
   * <p><b>Two modes, one semantics.</b> With {@link #with}, {@link #run} and the decorators, the
   * with-block runs inside the yield call, on the caller's thread, and no other thread is used.
   * When {@code enter()} and {@code exit()} are called separately (an {@link ExitStack}, or by
   * hand), the body must stay suspended at the yield in between, and Java has no coroutines: the
   * body then runs on a helper thread (a virtual thread on JDK 21+, a pooled daemon thread on 17),
   * handing control back and forth with the caller so that exactly one of the two runs at any time;
   * every write before a hand-off happens-before every read after it. In that mode:
   *
   * <ul>
   *   <li>the setup and teardown run on the helper thread: a {@code ThreadLocal} set in the setup
   *       is not the with-block's;
   *   <li>if the caller is interrupted while it waits for the body, the interrupt is passed on to
   *       the helper thread, the caller still waits for the body to reach its next yield or end,
   *       and the caller's interrupt status is set again when it returns;
   *   <li>a manager entered and never exited closes its body when it becomes unreachable (as Python
   *       closes a collected generator): its {@code finally} clauses run on the helper thread and
   *       the thread ends. Exit managers you enter; garbage collection is a safety net, not a plan.
   * </ul>
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
}
