/**
 * contextlib4j: Python's {@code contextlib} for Java.
 *
 * <p>The only exported package is {@link org.contextlib4j}; start with {@link
 * org.contextlib4j.ExitStack} and {@link org.contextlib4j.Contexts}.
 */
module org.contextlib4j {
  requires static transitive org.jspecify;

  exports org.contextlib4j;
}
