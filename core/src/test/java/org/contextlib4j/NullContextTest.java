package org.contextlib4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CPython's {@code NullcontextTestCase}, ported ({@link Contexts#nullContext(Object)}). */
class NullContextTest {

  // CPython: NullcontextTestCase.test_nullcontext
  @Test
  void entersToTheGivenValue_whenUsedAsAStandIn() {
    Object c = new Object();

    Object cIn = Contexts.with(Contexts.nullContext(c), value -> value);

    assertThat(cIn).isSameAs(c);
  }
}
