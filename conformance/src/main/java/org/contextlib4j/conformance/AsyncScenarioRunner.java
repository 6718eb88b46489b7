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

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.contextlib4j.AsyncContextManager;
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.AsyncGeneratorBody;
import org.contextlib4j.Contexts;
import org.jspecify.annotations.Nullable;

/**
 * Executes one async scenario (SPEC sections 2.2 and 7) against the library's real async API and
 * records its trace and outcome.
 *
 * <p>The program is one chain of stages: each statement starts when the previous one has completed,
 * and a statement's failure skips the rest of its body as an exception would. Only the top-level
 * stage is blocked on, at the very end. {@code with_stack} is {@link Contexts#withAsync} with an
 * {@link AsyncExitStack}; {@code enter_async}, {@code push_async_exit}, {@code push_async_callback}
 * and {@code enter_gen} use {@code enterAsyncContext}, {@code pushAsyncExit}, {@code
 * pushAsyncCallback} and an async generator-style manager ({@link Contexts#asyncContextManager});
 * the sync statements act on the async stack through its synchronous registrations. As in {@link
 * ScenarioRunner}, the handlers never attach anything, except GEN's {@code raise_new}, whose body
 * code attaches the exception it caught.
 *
 * <p>Timing: {@code now} steps act at once and return an already-completed stage; {@code later}
 * steps act on a thread of {@link #LATER} and complete their stage there, so the library's
 * continuation runs on that thread. Failures are handed to the library as the exception itself (a
 * failed stage, never a thrown or wrapped one); the runner's own stage compositions wrap them in
 * {@link CompletionException}, which the library must see through, and the runner unwraps whatever
 * it observes itself.
 */
final class AsyncScenarioRunner {
  /** The threads {@code later} steps run on (daemons: an abandoned scenario keeps no JVM alive). */
  private static final ExecutorService LATER =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "scenario-later");
            thread.setDaemon(true);
            return thread;
          });

  private static final CompletionStage<@Nullable Object> DONE =
      CompletableFuture.completedStage(null);

  private final Trace trace = new Trace();

  /**
   * Stack variables; names are unique within a scenario. Statements run one after the other, but
   * maybe on different threads (their order gives happens-before; the map is concurrent anyway).
   */
  private final Map<String, AsyncExitStack> stacks = new ConcurrentHashMap<>();

  private AsyncScenarioRunner() {}

  /**
   * Runs the async {@code scenario} and returns its result object.
   *
   * @throws OutcomeTree.UnexpectedThrowableException if a throwable that no statement raises
   *     escapes the program
   */
  static Map<String, Object> run(Scenario scenario) {
    AsyncScenarioRunner runner = new AsyncScenarioRunner();
    Throwable escaped = null;
    try {
      runner.exec(scenario.program()).toCompletableFuture().get();
    } catch (ExecutionException e) {
      escaped = unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the scenario", e);
    }
    return ScenarioRunner.result(scenario, runner.trace, escaped);
  }

  /** {@return a stage running the statements of {@code body} one after the other} */
  private CompletionStage<?> exec(java.util.List<Scenario.Stmt> body) {
    CompletionStage<?> done = DONE;
    for (Scenario.Stmt stmt : body) {
      done = done.thenCompose(ignored -> exec(stmt));
    }
    return done;
  }

  /** {@return the stage of one statement} Never throws: a synchronous failure is a failed stage. */
  private CompletionStage<?> exec(Scenario.Stmt stmt) {
    try {
      return start(stmt);
    } catch (Throwable t) {
      return CompletableFuture.failedStage(t);
    }
  }

  private CompletionStage<?> start(Scenario.Stmt stmt) throws Exception {
    if (stmt instanceof Scenario.WithStack s) {
      // Python's `async with AsyncExitStack() as name:`.
      return Contexts.withAsync(
          new AsyncExitStack(),
          stack -> {
            stacks.put(s.name(), stack);
            return exec(s.body());
          });
    } else if (stmt instanceof Scenario.EnterAsync s) {
      return stack(s.stack()).enterAsyncContext(new LoggingAsyncManager(s.cm()));
    } else if (stmt instanceof Scenario.EnterGen s) {
      return stack(s.stack()).enterAsyncContext(Contexts.asyncContextManager(generator(s.gen())));
    } else if (stmt instanceof Scenario.PushAsyncExit s) {
      stack(s.stack())
          .pushAsyncExit(
              failure ->
                  timed(
                      s.later(),
                      () -> ScenarioRunner.exit(trace, s.id(), s.cls(), s.onExit(), failure)));
    } else if (stmt instanceof Scenario.PushAsyncCallback s) {
      stack(s.stack())
          .pushAsyncCallback(
              () ->
                  timed(
                      s.later(),
                      () -> {
                        trace.log("callback " + s.id());
                        if (s.raises()) {
                          throw ScenarioRunner.sneaky(s.cls().create(s.id(), null));
                        }
                        return null;
                      }));
    } else if (stmt instanceof Scenario.Enter s) {
      stack(s.stack()).enterContext(new ScenarioRunner.LoggingManager(trace, s.cm()));
    } else if (stmt instanceof Scenario.Push s) {
      stack(s.stack())
          .push(failure -> ScenarioRunner.exit(trace, s.id(), s.cls(), s.onExit(), failure));
    } else if (stmt instanceof Scenario.Callback s) {
      stack(s.stack())
          .callback(
              () -> {
                trace.log("callback " + s.id());
                if (s.raises()) {
                  throw ScenarioRunner.sneaky(s.cls().create(s.id(), null));
                }
              });
    } else if (stmt instanceof Scenario.Register s) {
      AutoCloseable resource =
          () -> {
            trace.log("close " + s.id());
            if (s.raises()) {
              throw ScenarioRunner.sneaky(s.cls().create(s.id(), null));
            }
          };
      stack(s.stack()).register(resource);
    } else if (stmt instanceof Scenario.Close s) {
      return stack(s.stack()).closeAsync();
    } else if (stmt instanceof Scenario.PopAll s) {
      stacks.put(s.into(), stack(s.stack()).popAll());
    } else if (stmt instanceof Scenario.Raise s) {
      return CompletableFuture.failedStage(s.cls().create(s.id(), null));
    } else if (stmt instanceof Scenario.Try s) {
      return exec(s.body())
          .handle(
              (ignored, failure) -> {
                if (failure != null) {
                  trace.log("caught " + s.id() + " " + OutcomeTree.label(unwrap(failure)));
                }
                return null;
              });
    } else if (stmt instanceof Scenario.Suppress s) {
      return Contexts.withAsync(
          Contexts.toAsync(ScenarioRunner.suppress(s.types())), ignored -> exec(s.body()));
    } else if (stmt instanceof Scenario.NullContext s) {
      return Contexts.withAsync(Contexts.nullContextAsync(), ignored -> exec(s.body()));
    } else if (stmt instanceof Scenario.Decorated s) {
      // One manager instance for every call, as for the sync runner: the library recreates a
      // (one-shot) async generator-style manager for each call.
      AsyncContextManager<?> manager =
          s.cm() instanceof Scenario.Gen gen
              ? Contexts.asyncContextManager(generator(gen))
              : new LoggingAsyncManager((Scenario.Handler) s.cm());
      Supplier<CompletionStage<@Nullable Object>> function =
          Contexts.decorateAsyncSupplier(manager, () -> exec(s.body()));
      CompletionStage<?> calls = function.get();
      for (int i = 1; i < s.repeat(); i++) {
        calls = calls.thenCompose(ignored -> function.get()); // not called if a call failed
      }
      return calls;
    } else {
      throw new IllegalStateException("unhandled statement " + stmt);
    }
    return DONE;
  }

  private AsyncExitStack stack(String name) {
    AsyncExitStack stack = stacks.get(name);
    if (stack == null) {
      throw new IllegalStateException("stack variable " + name + " is not bound");
    }
    return stack;
  }

  /**
   * GEN (SPEC section 2.4) as an async generator-style body: the yield point is the stage of {@code
   * y.yieldAsync}, which fails with the with-block's exception; Python's {@code try/except/finally}
   * are stage compositions. {@code later} pauses on another thread before {@code start} and before
   * each {@code resumed} line, as reference.py awaits {@code asyncio.sleep(0)} there.
   */
  @SuppressWarnings("NullAway") // y.yieldAsync(null): see ScenarioRunner.generator
  private AsyncGeneratorBody<@Nullable Void> generator(Scenario.Gen g) {
    String id = g.id();
    return y ->
        pause(g.later())
            .thenCompose(
                ignored -> {
                  trace.log("gen " + id + " start");
                  return andFinally(
                      attempt(
                          () -> {
                            if (g.beforeRaises()) {
                              return CompletableFuture.failedStage(g.cls().create(id + "-b", null));
                            }
                            CompletionStage<?> done = DONE;
                            if (g.yields() >= 1) {
                              if (g.onThrow() == Scenario.OnThrow.PROPAGATE) {
                                // No handler: a thrown X skips the rest and passes straight
                                // through.
                                done =
                                    y.yieldAsync(null)
                                        .thenCompose(v -> pause(g.later()))
                                        .thenRun(
                                            () -> trace.log("gen " + id + " resumed seen=none"));
                              } else {
                                done =
                                    y.yieldAsync(null)
                                        .handle((v, e) -> e == null ? null : unwrap(e))
                                        .thenCompose(
                                            e -> pause(g.later()).thenCompose(v -> resumed(g, e)));
                              }
                            }
                            if (g.yields() == 2) {
                              done = done.thenCompose(v -> y.yieldAsync(null)); // no handler
                            }
                            if (g.afterRaises()) {
                              done =
                                  done.thenCompose(
                                      v ->
                                          CompletableFuture.failedStage(
                                              g.cls().create(id + "-a", null)));
                            }
                            return done;
                          }),
                      () -> {
                        if (g.logsFinally()) {
                          trace.log("gen " + id + " finally");
                        }
                      });
                });
  }

  /** GEN's except/else clause after the first yield, given what the yield stage failed with. */
  private CompletionStage<?> resumed(Scenario.Gen g, @Nullable Throwable e) {
    trace.log("gen " + g.id() + " resumed seen=" + OutcomeTree.label(e));
    if (e == null) {
      return DONE;
    }
    return switch (g.onThrow()) {
      case RAISE_NEW -> {
        // Raised while e is in flight: Python chains e implicitly, Java code attaches it.
        Throwable x = g.cls().create(g.id() + "-x", null);
        x.addSuppressed(e);
        yield CompletableFuture.failedStage(x);
      }
      case RERAISE -> CompletableFuture.failedStage(e);
      case SWALLOW, PROPAGATE -> DONE; // swallow: e is suppressed (propagate never gets here)
    };
  }

  /** {@return a stage completed now, or on another thread if {@code later}} */
  private static CompletionStage<?> pause(boolean later) {
    return later ? CompletableFuture.runAsync(() -> {}, LATER) : DONE;
  }

  /**
   * {@return a stage holding what {@code action} returns or throws} With {@code later}, the action
   * runs and completes the stage on another thread; otherwise the stage is complete on return.
   */
  static <T> CompletionStage<T> timed(boolean later, Callable<T> action) {
    CompletableFuture<T> stage = new CompletableFuture<>();
    Runnable act =
        () -> {
          try {
            stage.complete(action.call());
          } catch (Throwable t) {
            stage.completeExceptionally(t);
          }
        };
    if (later) {
      LATER.execute(act);
    } else {
      act.run();
    }
    return stage;
  }

  /** {@return the stage {@code start} returns, or a failed one if it throws} */
  private static CompletionStage<?> attempt(Callable<CompletionStage<?>> start) {
    try {
      return start.call();
    } catch (Throwable t) {
      return CompletableFuture.failedStage(t);
    }
  }

  /** Python's {@code finally}: runs {@code action} when {@code stage} completes, either way. */
  private static CompletionStage<?> andFinally(CompletionStage<?> stage, Runnable action) {
    return stage
        .handle(
            (ignored, failure) -> {
              action.run();
              return failure == null ? DONE : CompletableFuture.failedStage(unwrap(failure));
            })
        .thenCompose(next -> next);
  }

  /** {@return the exception inside completion wrappers} */
  static Throwable unwrap(Throwable t) {
    Throwable x = t;
    while ((x instanceof CompletionException || x instanceof ExecutionException)
        && x.getCause() != null) {
      x = x.getCause();
    }
    return x;
  }

  /** The class-based async manager of {@code enter_async} and of an exit-type decorator. */
  private final class LoggingAsyncManager implements AsyncContextManager<Scenario.Handler> {
    private final Scenario.Handler spec;

    LoggingAsyncManager(Scenario.Handler spec) {
      this.spec = spec;
    }

    @Override
    public CompletionStage<Scenario.Handler> enterAsync() {
      return timed(
          spec.later(),
          () -> {
            trace.log("enter " + spec.id());
            if (spec.enterRaises()) {
              throw ScenarioRunner.sneaky(spec.cls().create(spec.id(), null));
            }
            return spec;
          });
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      return timed(
          spec.later(),
          () -> ScenarioRunner.exit(trace, spec.id(), spec.cls(), spec.onExit(), failure));
    }
  }
}
