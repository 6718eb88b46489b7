/**
 * contextlib4j: Python's {@code contextlib} for Java.
 *
 * <p>The only exported package is {@link org.contextlib4j}; start with {@link
 * org.contextlib4j.ExitStack} and {@link org.contextlib4j.Contexts}.
 */
module org.contextlib4j {
  // Static and not transitive: the annotations are for checkers at compile time, and a consumer
  // module must compile without JSpecify present (ConsumerCompileTest), which "requires static
  // transitive" would forbid ("module not found: org.jspecify"). Hence -Xlint:-exports in pom.xml.
  requires static org.jspecify;

  exports org.contextlib4j;
}
