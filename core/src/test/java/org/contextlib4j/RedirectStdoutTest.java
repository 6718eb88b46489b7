package org.contextlib4j;

import java.io.PrintStream;

/** CPython's {@code TestRedirectStdout}: the shared contract on {@link System#out}. */
class RedirectStdoutTest extends RedirectStreamContract {

  @Override
  ContextManager<PrintStream> redirect(PrintStream target) {
    return Contexts.redirectStdout(target);
  }

  @Override
  PrintStream current() {
    return System.out;
  }
}
