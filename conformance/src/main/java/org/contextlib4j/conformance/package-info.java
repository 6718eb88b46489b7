/**
 * The oracle runner: executes the differential oracle's scenarios (see the oracle's SPEC.md)
 * against the real library and prints one result line per scenario, in the format of the CPython
 * reference executor. Start with {@link org.contextlib4j.conformance.RunScenarios}.
 */
@NullMarked
package org.contextlib4j.conformance;

import org.jspecify.annotations.NullMarked;
