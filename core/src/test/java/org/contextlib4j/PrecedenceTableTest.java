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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of docs/semantics.md, one row per case: how the block ended × what the cleanup did →
 * what propagates and what is attached to it. Every row runs on every entry point: {@link
 * Contexts#with}, {@link ExitStack}, {@link Contexts#withAsync} and {@link AsyncExitStack} (with an
 * async cleanup).
 */
class PrecedenceTableTest {

  enum Body {
    OK,
    THROWS_X
  }

  enum Cleanup {
    EXIT_RETURNS_FALSE,
    EXIT_RETURNS_TRUE,
    EXIT_THROWS_Y,
    EXIT_RETHROWS_X,
    EXIT_THROWS_Y_CAUSED_BY_X,
    CLOSE_OK,
    CLOSE_THROWS_E
  }

  enum EntryPoint {
    WITH,
    EXIT_STACK,
    WITH_ASYNC,
    ASYNC_EXIT_STACK
  }

  /** What is expected: "none", "X", "Y" or "E" propagates, with the listed suppressed ones. */
  record Row(Body body, Cleanup cleanup, String propagates, List<String> attached) {}

  static final List<Row> TABLE =
      List.of(
          new Row(Body.OK, Cleanup.EXIT_RETURNS_FALSE, "none", List.of()),
          new Row(Body.OK, Cleanup.EXIT_RETURNS_TRUE, "none", List.of()),
          new Row(Body.OK, Cleanup.EXIT_THROWS_Y, "Y", List.of()),
          new Row(Body.OK, Cleanup.EXIT_RETHROWS_X, "none", List.of()),
          new Row(Body.OK, Cleanup.CLOSE_OK, "none", List.of()),
          new Row(Body.OK, Cleanup.CLOSE_THROWS_E, "E", List.of()),
          new Row(Body.THROWS_X, Cleanup.EXIT_RETURNS_FALSE, "X", List.of()),
          new Row(Body.THROWS_X, Cleanup.EXIT_RETURNS_TRUE, "none", List.of()),
          new Row(Body.THROWS_X, Cleanup.EXIT_THROWS_Y, "Y", List.of("X")),
          new Row(Body.THROWS_X, Cleanup.EXIT_RETHROWS_X, "X", List.of()),
          new Row(Body.THROWS_X, Cleanup.EXIT_THROWS_Y_CAUSED_BY_X, "Y", List.of()),
          new Row(Body.THROWS_X, Cleanup.CLOSE_OK, "X", List.of()),
          new Row(Body.THROWS_X, Cleanup.CLOSE_THROWS_E, "X", List.of("E")));

  static Stream<Arguments> rows() {
    List<Arguments> all = new ArrayList<>();
    for (Row row : TABLE) {
      for (EntryPoint entry : EntryPoint.values()) {
        all.add(Arguments.of(entry, row.body(), row.cleanup(), row));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: body {1}, cleanup {2}")
  @MethodSource("rows")
  void propagatesAndAttachesAsTheTableSays(EntryPoint entry, Body body, Cleanup cleanup, Row row)
      throws Exception {
    RuntimeException x = new IllegalStateException("X");
    RuntimeException y =
        cleanup == Cleanup.EXIT_THROWS_Y_CAUSED_BY_X
            ? new IllegalArgumentException("Y", x)
            : new IllegalArgumentException("Y");
    Exception e = new java.io.IOException("E");

    Throwable out = run(entry, body == Body.THROWS_X ? x : null, cleanup, y, e);

    String propagates = out == null ? "none" : out.getMessage();
    assertThat(propagates).isEqualTo(row.propagates());
    if (out != null) {
      assertThat(out).isSameAs(out == x ? x : out == y ? y : e);
      List<String> attached = new ArrayList<>();
      for (Throwable s : out.getSuppressed()) {
        attached.add(s.getMessage());
      }
      assertThat(attached).isEqualTo(row.attached());
    }
  }

  static Stream<Arguments> compositions() {
    List<Arguments> all = new ArrayList<>();
    for (EntryPoint entry : EntryPoint.values()) {
      all.add(
          Arguments.of(entry, List.of("A", "B", "C"), false, "C", List.of("B", "A"), List.of()));
      all.add(
          Arguments.of(entry, List.of("A", "Y", "C"), false, "Y", List.of("C", "A"), List.of()));
      all.add(
          Arguments.of(entry, List.of("A", "Y", "C"), true, "Y", List.of("X", "A"), List.of("C")));
    }
    return all.stream();
  }

  /**
   * The composed rows of docs/semantics.md: cleanups registered first to last, "A"/"B"/"C" a close
   * that throws that letter, "Y" an exit that throws Y.
   */
  @ParameterizedTest(name = "{0}: {1}, block throws X: {2}")
  @MethodSource("compositions")
  void composesAsTheTableSays(
      EntryPoint entry,
      List<String> registrations,
      boolean blockThrows,
      String propagates,
      List<String> attached,
      List<String> attachedToX)
      throws Exception {
    RuntimeException x = new IllegalStateException("X");
    ExitStack sync = new ExitStack();
    AsyncExitStack async = new AsyncExitStack();
    for (String name : registrations) {
      if (name.equals("Y")) {
        RuntimeException y = new IllegalArgumentException("Y");
        sync.push(
            failure -> {
              throw y;
            });
        async.pushAsyncExit(failure -> CompletableFuture.failedFuture(y));
      } else {
        Exception e = new java.io.IOException(name);
        sync.register(
            () -> {
              throw e;
            });
        async.pushAsyncCallback(() -> CompletableFuture.failedFuture(e));
      }
    }
    RuntimeException block = blockThrows ? x : null;
    Throwable out =
        switch (entry) {
          case WITH ->
              caught(
                  () ->
                      Contexts.run(
                          sync,
                          s -> {
                            if (block != null) {
                              throw block;
                            }
                          }));
          case EXIT_STACK ->
              caught(
                  () -> {
                    if (block == null) {
                      sync.close();
                    } else {
                      sync.close(block);
                    }
                  });
          case WITH_ASYNC ->
              failureOf(
                  Contexts.withAsync(
                      async,
                      s ->
                          block == null
                              ? CompletableFuture.completedFuture("ok")
                              : CompletableFuture.<String>failedFuture(block)));
          default -> failureOf(block == null ? async.closeAsync() : async.closeAsync(block));
        };
    assertThat(out).isNotNull();
    assertThat(out.getMessage()).isEqualTo(propagates);
    assertThat(Stream.of(out.getSuppressed()).map(Throwable::getMessage)).isEqualTo(attached);
    assertThat(Stream.of(x.getSuppressed()).map(Throwable::getMessage)).isEqualTo(attachedToX);
  }

  private static @Nullable Throwable run(
      EntryPoint entry,
      @Nullable RuntimeException bodyFailure,
      Cleanup cleanup,
      RuntimeException y,
      Exception e)
      throws Exception {
    switch (entry) {
      case WITH -> {
        return caught(
            () ->
                Contexts.run(
                    syncManager(cleanup, y, e),
                    value -> {
                      if (bodyFailure != null) {
                        throw bodyFailure;
                      }
                    }));
      }
      case EXIT_STACK -> {
        ExitStack stack = new ExitStack();
        registerSync(stack, cleanup, y, e);
        return caught(
            () -> {
              if (bodyFailure == null) {
                stack.close();
              } else {
                stack.close(bodyFailure);
              }
            });
      }
      case WITH_ASYNC -> {
        AsyncExitStack stack = new AsyncExitStack();
        registerAsync(stack, cleanup, y, e);
        return failureOf(
            Contexts.withAsync(
                stack,
                s ->
                    bodyFailure == null
                        ? CompletableFuture.completedFuture("ok")
                        : CompletableFuture.<String>failedFuture(bodyFailure)));
      }
      default -> {
        AsyncExitStack stack = new AsyncExitStack();
        registerAsync(stack, cleanup, y, e);
        return failureOf(bodyFailure == null ? stack.closeAsync() : stack.closeAsync(bodyFailure));
      }
    }
  }

  private static ContextManager<?> syncManager(Cleanup cleanup, RuntimeException y, Exception e) {
    if (cleanup == Cleanup.CLOSE_OK || cleanup == Cleanup.CLOSE_THROWS_E) {
      return Contexts.closing(closeable(cleanup, e));
    }
    ExitHandler exit = exitHandler(cleanup, y);
    return new ContextManager<String>() {
      @Override
      public String enter() {
        return "value";
      }

      @Override
      public boolean exit(@Nullable Throwable failure) throws Exception {
        return exit.exit(failure);
      }
    };
  }

  private static void registerSync(
      ExitStack stack, Cleanup cleanup, RuntimeException y, Exception e) {
    if (cleanup == Cleanup.CLOSE_OK || cleanup == Cleanup.CLOSE_THROWS_E) {
      stack.register(closeable(cleanup, e));
    } else {
      stack.push(exitHandler(cleanup, y));
    }
  }

  private static void registerAsync(
      AsyncExitStack stack, Cleanup cleanup, RuntimeException y, Exception e) {
    if (cleanup == Cleanup.CLOSE_OK || cleanup == Cleanup.CLOSE_THROWS_E) {
      stack.pushAsyncCallback(
          () ->
              cleanup == Cleanup.CLOSE_OK
                  ? CompletableFuture.runAsync(() -> {})
                  : CompletableFuture.failedFuture(e));
    } else {
      ExitHandler exit = exitHandler(cleanup, y);
      stack.pushAsyncExit(
          failure -> {
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            try {
              result.complete(exit.exit(failure));
            } catch (Throwable t) {
              result.completeExceptionally(t);
            }
            return result;
          });
    }
  }

  private static AutoCloseable closeable(Cleanup cleanup, Exception e) {
    return () -> {
      if (cleanup == Cleanup.CLOSE_THROWS_E) {
        throw e;
      }
    };
  }

  private static ExitHandler exitHandler(Cleanup cleanup, RuntimeException y) {
    return failure ->
        switch (cleanup) {
          case EXIT_RETURNS_FALSE -> false;
          case EXIT_RETURNS_TRUE -> true;
          case EXIT_THROWS_Y, EXIT_THROWS_Y_CAUSED_BY_X -> throw y;
          case EXIT_RETHROWS_X -> {
            if (failure instanceof RuntimeException r) {
              throw r;
            }
            yield false;
          }
          default -> throw new AssertionError(cleanup);
        };
  }

  interface Action {
    void run() throws Exception;
  }

  private static @Nullable Throwable caught(Action action) {
    try {
      action.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private static @Nullable Throwable failureOf(java.util.concurrent.CompletionStage<?> stage)
      throws Exception {
    try {
      stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException ee) {
      return ee.getCause();
    }
  }
}
