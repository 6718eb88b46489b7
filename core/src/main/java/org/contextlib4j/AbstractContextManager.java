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

/**
 * A base class for managers whose {@code enter} returns the manager itself, the default of Python's
 * {@code AbstractContextManager}; subclasses implement only {@link #exit(Throwable)}.
 *
 * <pre>{@code
 * final class Timer extends AbstractContextManager<Timer> {
 *   private final long start = System.nanoTime();
 *   long elapsed;
 *
 *   public boolean exit(@Nullable Throwable failure) {
 *     elapsed = System.nanoTime() - start;
 *     return false;
 *   }
 * }
 *
 * Timer timer = Contexts.with(new Timer(), t -> { work(); return t; });
 * }</pre>
 *
 * <p>Exception semantics are those of {@link ContextManager}. <b>Thread safety:</b> as the subclass
 * defines; this class has no state.
 *
 * <p>Python: {@code contextlib.AbstractContextManager}.
 *
 * @param <S> the subclass itself
 * @since 0.1.0
 */
public abstract class AbstractContextManager<S extends AbstractContextManager<S>>
    implements ContextManager<S> {

  /** Constructor for subclasses. */
  protected AbstractContextManager() {}

  /**
   * {@return this manager}
   *
   * @implSpec Returns {@code this}, and does nothing else.
   */
  @Override
  @SuppressWarnings("unchecked") // S is the subclass by the class's contract
  public S enter() {
    return (S) this;
  }
}
