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

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The {@code toString} of each manager the {@link Contexts} factories return: the factory's name
 * and its arguments, so that a stack or a log line says what it holds.
 */
class HelperManagersDescriptionTest {

  /** A resource with a fixed description. */
  private static final class Named implements AutoCloseable {
    @Override
    public void close() {}

    @Override
    public String toString() {
      return "db";
    }
  }

  @Test
  void suppress_namesTheSuppressedTypes() {
    assertThat(Contexts.suppress(IOException.class, IllegalStateException.class))
        .hasToString("suppress[class java.io.IOException, class java.lang.IllegalStateException]");
  }

  @Test
  void closing_namesTheResource() {
    assertThat(Contexts.closing(new Named())).hasToString("closing(db)");
  }

  @Test
  void nullContext_namesTheValue() {
    assertThat(Contexts.nullContext("v")).hasToString("nullContext(v)");
    assertThat(Contexts.nullContextAsync(42)).hasToString("nullContext(42)");
  }

  @Test
  void redirects_nameTheStreamAndTheTarget() {
    PrintStream target = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    assertThat(Contexts.redirectStdout(target)).hasToString("redirectStdout(" + target + ")");
    assertThat(Contexts.redirectStderr(target)).hasToString("redirectStderr(" + target + ")");
  }

  @Test
  void contextManager_namesTheBodyAndItsState() throws Exception {
    GeneratorBody<String> body =
        new GeneratorBody<>() {
          @Override
          public void run(Yielder<String> y) throws Exception {
            y.yield("v");
          }

          @Override
          public String toString() {
            return "body";
          }
        };
    ContextManager<String> manager = Contexts.contextManager(body);
    assertThat(manager).hasToString("contextManager(body)[NEW]");
    manager.enter();
    assertThat(manager).hasToString("contextManager(body)[ENTERED]");
    manager.exit(null);
    assertThat(manager).hasToString("contextManager(body)[DONE]");
  }

  @Test
  void asyncContextManager_namesTheBody() {
    AsyncGeneratorBody<String> body =
        new AsyncGeneratorBody<>() {
          @Override
          public CompletionStage<?> run(AsyncYielder<String> y) {
            return y.yieldAsync("v");
          }

          @Override
          public String toString() {
            return "body";
          }
        };
    assertThat(Contexts.asyncContextManager(body)).hasToString("asyncContextManager(body)");
  }

  @Test
  void toAsync_namesTheSyncManager() {
    assertThat(Contexts.toAsync(Contexts.closing(new Named()))).hasToString("toAsync(closing(db))");
  }

  @Test
  void closingAsync_namesTheResource() {
    Function<Named, CompletionStage<?>> close = r -> CompletableFuture.completedFuture(null);
    assertThat(Contexts.closingAsync(new Named(), close)).hasToString("closingAsync(db)");
  }

  @Test
  void resourceAsync_namesTheAcquireAndReleaseFunctions() {
    Supplier<CompletionStage<String>> acquire = () -> CompletableFuture.completedFuture("r");
    BiFunction<String, @Nullable Throwable, CompletionStage<Boolean>> release =
        (r, failure) -> CompletableFuture.completedFuture(false);
    assertThat(Contexts.resourceAsync(acquire, release))
        .hasToString("resourceAsync(" + acquire + ", " + release + ")");
  }

  @Test
  void resource_namesTheAcquireAndTheRelease_inBothForms() {
    Callable<String> acquire =
        new Callable<>() {
          @Override
          public String call() {
            return "r";
          }

          @Override
          public String toString() {
            return "acquire";
          }
        };
    ResourceCleanup<String> release =
        new ResourceCleanup<>() {
          @Override
          public void release(String resource) {}

          @Override
          public String toString() {
            return "release";
          }
        };
    ResourceExit<String> aware =
        new ResourceExit<>() {
          @Override
          public void release(String resource, @Nullable Throwable failure) {}

          @Override
          public String toString() {
            return "aware";
          }
        };
    assertThat(Contexts.resource(acquire, release)).hasToString("resource(acquire, release)");
    assertThat(Contexts.resource(acquire, aware)).hasToString("resource(acquire, aware)");

    // register(value, cleanup) is named in its handle, sync and async.
    assertThat(new ExitStack().handles().register("lock", release))
        .hasToString("Registration[pending, register(lock, release)]");
    AsyncResourceCleanup<String> releaseAsync =
        new AsyncResourceCleanup<>() {
          @Override
          public CompletionStage<?> releaseAsync(String resource) {
            return CompletableFuture.completedFuture(null);
          }

          @Override
          public String toString() {
            return "releaseAsync";
          }
        };
    assertThat(new AsyncExitStack().handles().registerAsync("lease", releaseAsync))
        .hasToString("Registration[pending, registerAsync(lease, releaseAsync)]");
  }
}
