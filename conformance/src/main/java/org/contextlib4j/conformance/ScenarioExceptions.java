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
package org.contextlib4j.conformance;

import org.jspecify.annotations.Nullable;

/**
 * The scenario exception classes of SPEC section 2.1, and the factory the runner creates them with.
 * The message of each is its id string; nothing else is recorded (no stack trace, which the oracle
 * does not compare, so that raising is cheap).
 */
final class ScenarioExceptions {
  private ScenarioExceptions() {}

  /** The class names a scenario may use, in the oracle's spelling. */
  enum Cls {
    E1,
    E2,
    E3,
    F;

    /** {@return a fresh exception of this class with message {@code id} and the given cause} */
    Throwable create(String id, @Nullable Throwable cause) {
      return switch (this) {
        case E1 -> new ScenarioExceptions.E1(id, cause);
        case E2 -> new ScenarioExceptions.E2(id, cause);
        case E3 -> new ScenarioExceptions.E3(id, cause);
        case F -> new ScenarioExceptions.F(id, cause);
      };
    }

    /** {@return the Java class of this scenario class} */
    Class<? extends Throwable> type() {
      return switch (this) {
        case E1 -> ScenarioExceptions.E1.class;
        case E2 -> ScenarioExceptions.E2.class;
        case E3 -> ScenarioExceptions.E3.class;
        case F -> ScenarioExceptions.F.class;
      };
    }
  }

  /**
   * {@return the class of {@code t} if it is a scenario exception, or null} The oracle's class name
   * is the simple name of the Java class.
   */
  static @Nullable Cls classOf(Throwable t) {
    if (t instanceof E2) {
      return Cls.E2;
    }
    if (t instanceof E1) {
      return Cls.E1;
    }
    if (t instanceof E3) {
      return Cls.E3;
    }
    if (t instanceof F) {
      return Cls.F;
    }
    return null;
  }

  /** The base scenario exception: unchecked. */
  static class E1 extends RuntimeException {
    private static final long serialVersionUID = 1L;

    E1(String id, @Nullable Throwable cause) {
      super(id, cause, true, false);
    }
  }

  /** A subclass of {@link E1}. */
  static final class E2 extends E1 {
    private static final long serialVersionUID = 1L;

    E2(String id, @Nullable Throwable cause) {
      super(id, cause);
    }
  }

  /** A checked exception unrelated to {@link E1}. */
  static final class E3 extends Exception {
    private static final long serialVersionUID = 1L;

    E3(String id, @Nullable Throwable cause) {
      super(id, cause, true, false);
    }
  }

  /** A fatal error: not an {@link Exception}. */
  static final class F extends Error {
    private static final long serialVersionUID = 1L;

    F(String id, @Nullable Throwable cause) {
      super(id, cause, true, false);
    }
  }
}
