package org.contextlib4j;

import org.jspecify.annotations.Nullable;

/**
 * The body of a {@code with} block that returns nothing: see {@link Contexts#run(ContextManager,
 * ContextAction)}.
 *
 * <pre>{@code
 * Contexts.run(suppress(NoSuchFileException.class), ignored -> Files.delete(path));
 * }</pre>
 *
 * <p>The type parameter {@code X} lets the compiler track what the body throws, as for {@link
 * ContextBody}. What the body throws is the exception in flight that the manager's exit sees; see
 * {@link Contexts}' exception semantics.
 *
 * <p>Python: the block of a {@code with} statement.
 *
 * <p><b>Thread safety:</b> called once per {@code run}, on the caller's thread.
 *
 * @param <T> the type of value the manager's {@code enter} returns
 * @param <X> the exception type the body may throw
 * @since 0.1.0
 */
@FunctionalInterface
public interface ContextAction<T extends @Nullable Object, X extends Throwable> {

  /**
   * Runs the body.
   *
   * @param value what the manager's {@code enter} returned
   * @throws X if the body fails
   */
  void accept(T value) throws X;
}
