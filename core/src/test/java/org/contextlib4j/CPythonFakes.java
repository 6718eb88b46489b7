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
package org.contextlib4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Small fakes for the tests ported from CPython's {@code test_contextlib.py}: exits and managers
 * that record the exception they saw, and then return normally, suppress, or throw.
 */
final class CPythonFakes {
  private CPythonFakes() {}

  /** An exception-aware exit that records each exception it sees (null for none). */
  static final class TestExit implements ExitHandler {
    private final boolean suppress;
    private final @Nullable Exception toThrow;
    private final List<@Nullable Throwable> seen = new ArrayList<>();

    private TestExit(boolean suppress, @Nullable Exception toThrow) {
      this.suppress = suppress;
      this.toThrow = toThrow;
    }

    /** Returns false: lets the exception in flight continue. */
    static TestExit normal() {
      return new TestExit(false, null);
    }

    /** Returns true: suppresses the exception in flight. */
    static TestExit suppressing() {
      return new TestExit(true, null);
    }

    /** Throws {@code exception}: replaces the exception in flight. */
    static TestExit throwing(Exception exception) {
      return new TestExit(false, exception);
    }

    @Override
    public boolean exit(@Nullable Throwable failure) throws Exception {
      seen.add(failure);
      if (toThrow != null) {
        throw toThrow;
      }
      return suppress;
    }

    /** What each call received, in call order. */
    List<@Nullable Throwable> seen() {
      return Collections.unmodifiableList(seen);
    }
  }

  /**
   * A manager that counts its enters and records what each exit sees, then returns normally,
   * suppresses, or throws.
   */
  static final class TestManager implements ContextManager<TestManager> {
    private final boolean suppress;
    private final @Nullable Exception toThrow;
    private final List<@Nullable Throwable> seen = new ArrayList<>();
    private int enters;

    private TestManager(boolean suppress, @Nullable Exception toThrow) {
      this.suppress = suppress;
      this.toThrow = toThrow;
    }

    static TestManager normal() {
      return new TestManager(false, null);
    }

    static TestManager suppressing() {
      return new TestManager(true, null);
    }

    static TestManager throwing(Exception exception) {
      return new TestManager(false, exception);
    }

    @Override
    public TestManager enter() {
      enters++;
      return this;
    }

    @Override
    public boolean exit(@Nullable Throwable failure) throws Exception {
      seen.add(failure);
      if (toThrow != null) {
        throw toThrow;
      }
      return suppress;
    }

    int enters() {
      return enters;
    }

    List<@Nullable Throwable> seen() {
      return Collections.unmodifiableList(seen);
    }
  }

  /** An {@link AutoCloseable} that counts its closes. */
  static final class CountingCloseable implements AutoCloseable {
    private int closes;

    @Override
    public void close() {
      closes++;
    }

    int closes() {
      return closes;
    }
  }
}
