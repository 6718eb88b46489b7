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
package org.contextlib4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.Contexts;
import org.jspecify.annotations.Nullable;

/**
 * Async: the JDK {@link HttpClient} fetches a few paths with {@code sendAsync} from a local {@link
 * HttpServer} (127.0.0.1, an ephemeral port), and one {@link AsyncExitStack} owns it all: the
 * server, the client's threads and every request. In Python terms:
 *
 * <pre class="language-python">{@code
 * async with AsyncExitStack() as stack:
 *     server = start_server(); stack.push_async_callback(stop, server)
 *     requests = [client.get(path) for path in paths]
 *     for r in requests: stack.push_async_callback(wait_for, r)
 *     ...  # one response is a 404: the block fails, and the exits see it
 * }</pre>
 *
 * <p>The cleanups run LIFO when the block's stage completes: each request is waited for (the server
 * must not stop under a request in flight), then the exception-aware exit sees the failure, then
 * the client's threads stop, and the server stops last.
 */
final class HttpExample {
  private HttpExample() {}

  static final List<String> PATHS = List.of("/greeting", "/numbers", "/missing");

  /**
   * What happened: the log (responses and cleanups, in order), the failure the block ended with and
   * the one the exit saw, the server's port and the client's threads, to check afterwards.
   */
  record Result(
      List<String> log,
      @Nullable Throwable failure,
      @Nullable Throwable seenByExit,
      int port,
      ExecutorService clientThreads) {}

  /** A response with an error status, as an exception. */
  static final class HttpStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    HttpStatusException(String path, int status) {
      super("GET " + path + " -> " + status);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  static Result run(PrintStream out) {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    Session session = new Session(out, log);
    CompletableFuture<?> done =
        Contexts.withAsync(new AsyncExitStack(), session::fetchAll).toCompletableFuture();
    Throwable failure = null;
    try {
      done.join();
    } catch (CompletionException e) {
      failure = e.getCause() == null ? e : e.getCause();
    }
    if (failure != null) {
      out.println(
          "the block failed with: "
              + failure.getMessage()
              + " (the instance the exit saw: "
              + (failure == session.seenByExit)
              + ")");
    }
    return new Result(
        List.copyOf(log), failure, session.seenByExit, session.port, session.clientThreads);
  }

  /** The body of {@code async with AsyncExitStack() as stack}, and what it leaves to check. */
  private static final class Session {
    private final PrintStream out;
    private final List<String> log;
    private final ExecutorService clientThreads =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "demo-http-client");
              thread.setDaemon(true);
              return thread;
            });
    private volatile @Nullable Throwable seenByExit;
    private volatile int port;

    Session(PrintStream out, List<String> log) {
      this.out = out;
      this.log = log;
    }

    private void log(String line) {
      log.add(line);
      out.println(line);
    }

    CompletionStage<List<String>> fetchAll(AsyncExitStack stack) {
      HttpServer server = startServer();
      port = server.getAddress().getPort();
      out.println("server listening on 127.0.0.1:" + port);
      stack.pushAsyncCallback(
          () ->
              CompletableFuture.runAsync(
                  () -> {
                    server.stop(0);
                    log("cleanup: server stopped");
                  }));

      stack.callback(
          () -> {
            clientThreads.shutdown();
            log("cleanup: client threads shut down");
          });
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(clientThreads)
              .build();
      if (client instanceof AutoCloseable closeable) {
        stack.register(closeable); // JDK 21+: close() waits for its exchanges and frees its thread
      }

      stack.pushAsyncExit(
          failure -> {
            seenByExit = failure;
            log(
                "exit sees: "
                    + (failure == null
                        ? "no exception"
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            return CompletableFuture.completedFuture(false);
          });

      List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
      for (String path : PATHS) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        CompletableFuture<HttpResponse<String>> response =
            client.sendAsync(request, BodyHandlers.ofString());
        requests.add(response);
        // Python's TaskGroup also waits for its tasks: no request outlives the stack.
        stack.pushAsyncCallback(
            () ->
                response
                    .handle(
                        (r, failure) ->
                            "cleanup: request "
                                + path
                                + " settled ("
                                + (r != null ? r.statusCode() : String.valueOf(failure))
                                + ")")
                    .thenAccept(this::log));
      }

      return CompletableFuture.allOf(requests.toArray(new CompletableFuture<?>[0]))
          .thenApply(
              ignored -> {
                List<String> bodies = new ArrayList<>();
                HttpStatusException failed = null;
                for (int i = 0; i < PATHS.size(); i++) {
                  HttpResponse<String> response = requests.get(i).join();
                  int status = response.statusCode();
                  log(
                      "GET "
                          + PATHS.get(i)
                          + " -> "
                          + status
                          + (status == 200 ? " \"" + response.body() + "\"" : ""));
                  if (status >= 400 && failed == null) {
                    failed = new HttpStatusException(PATHS.get(i), status);
                  }
                  bodies.add(response.body());
                }
                if (failed != null) {
                  throw failed;
                }
                return bodies;
              });
    }
  }

  /** Two paths answer; {@code /missing} matches no context, so the server answers 404 itself. */
  private static HttpServer startServer() {
    try {
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
      server.createContext("/greeting", exchange -> respond(exchange, "hello"));
      server.createContext("/numbers", exchange -> respond(exchange, "1 2 3"));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream response = exchange.getResponseBody()) {
      response.write(bytes);
    }
  }
}
