package org.contextlib4j;

import java.io.PrintStream;

/** CPython's {@code TestRedirectStderr}: the shared contract on {@link System#err}. */
class RedirectStderrTest extends RedirectStreamContract {

  @Override
  ContextManager<PrintStream> redirect(PrintStream target) {
    return Contexts.redirectStderr(target);
  }

  @Override
  PrintStream current() {
    return System.err;
  }
}
