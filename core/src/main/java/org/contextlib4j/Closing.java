package org.contextlib4j;

import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#closing}: a manager whose exit closes a resource as a plain cleanup. The stack
 * also uses it to mark a registration that must be closed rather than run as an exit.
 */
final class Closing<C extends AutoCloseable> implements ContextManager<C> {
  final C resource;

  Closing(C resource) {
    this.resource = resource;
  }

  @Override
  public C enter() {
    return resource;
  }

  @Override
  public boolean exit(@Nullable Throwable failure) {
    return ExitStack.report(failure, ExitStack.exitEntry(this, AbstractExitStack.MANAGER, failure));
  }

  @Override
  public String toString() {
    return "closing(" + resource + ")";
  }
}
