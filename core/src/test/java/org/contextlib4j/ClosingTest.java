package org.contextlib4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.contextlib4j.CPythonFakes.CountingCloseable;
import org.junit.jupiter.api.Test;

/** CPython's {@code ClosingTestCase}, ported ({@link Contexts#closing}). */
class ClosingTest {

  // CPython: ClosingTestCase.test_closing
  @Test
  void entersToTheResourceAndClosesItOnce_whenTheBodyCompletes() {
    CountingCloseable x = new CountingCloseable();
    int[] closesInBody = {-1};

    Contexts.run(
        Contexts.closing(x),
        y -> {
          assertThat(y).isSameAs(x);
          closesInBody[0] = x.closes();
        });

    assertThat(closesInBody[0]).isZero();
    assertThat(x.closes()).isEqualTo(1);
  }

  // CPython: ClosingTestCase.test_closing_error
  @Test
  void closesTheResourceOnceAndRethrows_whenTheBodyThrows() {
    CountingCloseable x = new CountingCloseable();
    ArithmeticException zde = new ArithmeticException("/ by zero");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    Contexts.closing(x),
                    y -> {
                      assertThat(y).isSameAs(x);
                      throw zde;
                    }))
        .isSameAs(zde);

    assertThat(x.closes()).isEqualTo(1);
    assertThat(zde.getSuppressed()).isEmpty();
  }
}
