package org.contextlib4j;

import static org.contextlib4j.internal.Throwables.checkNotNull;
import static org.contextlib4j.internal.Throwables.sneakyThrow;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ExitStack} and the async stack share: the registrations, stored oldest first, and the
 * methods that add synchronous ones. Python's {@code _BaseExitStack}. The drivers that unwind them
 * are in the subclasses; the rule they apply is {@link org.contextlib4j.internal.ExceptionRule}.
 */
abstract class AbstractExitStack {

  /*
   * NULLAWAY_NOTE: the API uses JSpecify generics (ContextManager<T extends @Nullable Object>).
   * NullAway 0.14 on JDK 17 runs without its JSpecify mode and treats every type variable as
   * non-null, so the few places that really produce a @Nullable T carry @SuppressWarnings("NullAway")
   * pointing here. The annotations themselves are correct JSpecify for users' checkers.
   */
  private static final Object[] EMPTY = {};
  private static final int FIRST_CAPACITY = 4;

  /**
   * Registrations, oldest first. An element's class says how to run it (see {@code
   * ExitStack.runLeaf}); the rare object that is ambiguous for the way it was registered is wrapped
   * in a {@link Closing}.
   */
  Object[] entries = EMPTY;

  int size;

  AbstractExitStack() {}

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
  public <T extends @Nullable Object> T enterContext(ContextManager<T> manager) {
    checkNotNull(manager, "manager");
    T value;
    try {
      value = manager.enter();
    } catch (Exception e) {
      throw sneakyThrow(e);
    }
    addSync(manager);
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
  public ExitHandler push(ExitHandler handler) {
    addSync(checkNotNull(handler, "handler"));
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
  public <T extends @Nullable Object> ContextManager<T> push(ContextManager<T> manager) {
    addSync(checkNotNull(manager, "manager"));
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
  public CleanupAction callback(CleanupAction action) {
    checkNotNull(action, "action");
    // An action that is also an exit would be run as an exit by the dispatch; wrap it so it runs
    // as the plain cleanup it was registered as.
    addSync(
        action instanceof ContextManager || action instanceof ExitHandler
            ? new Closing<AutoCloseable>(action::run)
            : action);
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
  public <C extends AutoCloseable> C register(C resource) {
    checkNotNull(resource, "resource");
    // A resource that is also an exit or an action would be run as such by the dispatch; wrap it
    // so it is closed, which also makes a registered ExitStack unwind as a plain cleanup.
    addSync(
        resource instanceof ContextManager
                || resource instanceof ExitHandler
                || resource instanceof CleanupAction
            ? new Closing<>(resource)
            : resource);
    return resource;
  }

  // --- storage ---------------------------------------------------------------------------------

  /**
   * Adds a registration made through one of the synchronous methods above. The async stack
   * overrides it, to keep an object that is also an async exit from being run as one.
   */
  void addSync(Object entry) {
    add(entry);
  }

  final void add(Object entry) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, Math.max(FIRST_CAPACITY, size << 1));
    }
    entries[size++] = entry;
  }

  final @Nullable Object pollLast() {
    if (size == 0) {
      return null;
    }
    Object entry = entries[--size];
    entries[size] = null;
    return entry;
  }

  /** Moves every registration to {@code target}, which must be empty, in one step. */
  final void moveTo(AbstractExitStack target) {
    target.entries = entries;
    target.size = size;
    entries = EMPTY;
    size = 0;
  }

  final String describeSize() {
    return size + (size == 1 ? " cleanup" : " cleanups");
  }
}
