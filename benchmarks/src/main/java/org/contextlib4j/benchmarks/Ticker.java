package org.contextlib4j.benchmarks;

/** A counter shared by the resources of one benchmark state, so closing order can be checked. */
final class Ticker {
  long ticks;
}
