/**
 * contextlib4j for JUnit Jupiter: {@link org.contextlib4j.junit.ExitStackExtension} injects an
 * {@link org.contextlib4j.ExitStack} and an {@link org.contextlib4j.AsyncExitStack} into tests and
 * unwinds them after each test, passing the test's failure to the exits.
 */
module org.contextlib4j.junit {
  requires transitive org.contextlib4j;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;

  exports org.contextlib4j.junit;
}
