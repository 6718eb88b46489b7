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

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#resource(Callable, ResourceCleanup)}: acquires on enter, releases on exit as a
 * plain cleanup. Each enter acquires a new resource and each exit releases the most recent one, so
 * the manager is reentrant and reusable when entered and exited in nested order, as {@link
 * ResourceAsync}. {@link Aware} is the outcome-aware form.
 */
@SuppressWarnings("try") // AutoCloseable for the engine's plain step, not for try blocks
final class Resource<R extends @Nullable Object> extends PlainExit<R> {
  private final Acquired<R> acquired;
  private final ResourceCleanup<? super R> release;

  Resource(Callable<? extends R> acquire, ResourceCleanup<? super R> release) {
    this.acquired = new Acquired<>(acquire);
    this.release = release;
  }

  @Override
  public R enter() throws Exception {
    return acquired.enter();
  }

  @Override
  public void close() throws Exception {
    release.release(acquired.take());
  }

  @Override
  public String toString() {
    return acquired.describe(release);
  }

  /**
   * {@link Contexts#resource(Callable, ResourceExit)}: the release sees the exception in flight.
   */
  static final class Aware<R extends @Nullable Object> implements ContextManager<R> {
    private final Acquired<R> acquired;
    private final ResourceExit<? super R> release;

    Aware(Callable<? extends R> acquire, ResourceExit<? super R> release) {
      this.acquired = new Acquired<>(acquire);
      this.release = release;
    }

    @Override
    public R enter() throws Exception {
      return acquired.enter();
    }

    @Override
    public boolean exit(@Nullable Throwable failure) throws Exception {
      release.release(acquired.take(), failure);
      return false;
    }

    @Override
    public String toString() {
      return acquired.describe(release);
    }
  }

  /** The resources entered and not yet exited, the most recent first. */
  private static final class Acquired<R extends @Nullable Object> {
    private final Callable<? extends R> acquire;
    private final ArrayDeque<Holder<R>> held = new ArrayDeque<>(); // guarded by this

    private record Holder<R>(R resource) {}

    Acquired(Callable<? extends R> acquire) {
      this.acquire = acquire;
    }

    String describe(Object release) {
      return "resource(" + acquire + ", " + release + ")";
    }

    /** Acquires; if that throws, nothing is held and the exception propagates as is. */
    R enter() throws Exception {
      R resource = acquire.call();
      synchronized (this) {
        held.push(new Holder<>(resource));
      }
      return resource;
    }

    /** The most recent resource, no longer held: an exit releases it whatever happens next. */
    R take() {
      Holder<R> holder;
      synchronized (this) {
        holder = held.poll();
      }
      if (holder == null) {
        throw new IllegalStateException("resource: exit without a matching enter");
      }
      return holder.resource();
    }
  }
}
