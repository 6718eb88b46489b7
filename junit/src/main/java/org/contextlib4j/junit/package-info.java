/**
 * A JUnit Jupiter extension for contextlib4j. Start with {@link
 * org.contextlib4j.junit.ExitStackExtension}: register it with
 * {@code @ExtendWith(ExitStackExtension.class)} and declare an {@link org.contextlib4j.ExitStack}
 * or {@link org.contextlib4j.AsyncExitStack} parameter.
 *
 * <p>Unless noted, passing {@code null} to any method in this package throws a {@link
 * java.lang.NullPointerException}.
 */
@NullMarked
package org.contextlib4j.junit;

import org.jspecify.annotations.NullMarked;
