/**
 * Runnable examples of contextlib4j. Start with {@link org.contextlib4j.examples.Demo}, the
 * README's demo command, which runs each example in turn.
 */
@NullMarked
package org.contextlib4j.examples;

import org.jspecify.annotations.NullMarked;
