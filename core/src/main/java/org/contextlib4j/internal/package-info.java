/**
 * Implementation details of contextlib4j. Not exported by the module and not an API: anything here
 * may change in any release.
 *
 * <p>Start with {@link org.contextlib4j.internal.ExceptionRule}, the one place that decides how an
 * exit's result changes the exception in flight.
 */
@NullMarked
package org.contextlib4j.internal;

import org.jspecify.annotations.NullMarked;
