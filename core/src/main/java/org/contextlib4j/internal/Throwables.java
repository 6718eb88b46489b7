/*
 * Copyright 2026 The contextlib4j developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.contextlib4j.internal;

import org.jspecify.annotations.Nullable;

/** Small helpers for argument checks and for rethrowing an exception unchanged. */
public final class Throwables {
  private Throwables() {}

  /**
   * Returns {@code value}, or throws a {@link NullPointerException} naming the parameter.
   *
   * @param value the argument to check
   * @param name the parameter's name, used in the message
   * @param <T> the argument's type
   * @return {@code value}
   */
  public static <T> T checkNotNull(@Nullable T value, String name) {
    if (value == null) {
      throw nullArgument(name);
    }
    return value;
  }

  /**
   * {@return the exception {@link #checkNotNull} throws for a null {@code name}} For the hottest
   * paths, which check inline: C2 on JDK 17 may refuse to inline {@code checkNotNull} ("unloaded
   * signature classes", measured in CleanupBenchmark's compilation log), and a call left in a
   * try-with-resources block keeps the stack from being scalar-replaced.
   *
   * @param name the parameter's name
   */
  public static NullPointerException nullArgument(String name) {
    return new NullPointerException(name + " cannot be null");
  }

  /**
   * Throws {@code t} itself, checked or not, without declaring it: the same instance, never
   * wrapped. The return type lets callers write {@code throw sneakyThrow(t)} so the compiler sees
   * the end of the path.
   *
   * @param t the exception to throw
   * @return never returns
   */
  public static RuntimeException sneakyThrow(Throwable t) {
    Throwables.<RuntimeException>throwAs(t);
    throw new AssertionError("unreachable");
  }

  @SuppressWarnings("unchecked")
  private static <X extends Throwable> void throwAs(Throwable t) throws X {
    throw (X) t;
  }
}
