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

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.contextlib4j.GeneratorBody;
import org.contextlib4j.conformance.ScenarioExceptions.Cls;
import org.jspecify.annotations.Nullable;

/**
 * Executes one scenario against the real library (SPEC section 7) and records its trace and
 * outcome.
 *
 * <p>The runner only provides the logging handlers of SPEC sections 2.3, 2.4 and 3; every decision
 * about ordering, suppression, replacement and attaching is the library's. The exit handlers never
 * call {@link Throwable#addSuppressed}: the library attaches the replaced exception (ExitStack's
 * exception rule 3), and the JAVA RULE of SPEC section 4 is the library's rule 4 for {@link
 * ExitStack#callback} and {@link ExitStack#register}. The one exception is GEN's {@code raise_new}:
 * Java chains nothing implicitly, so the generator body attaches the exception it caught to the one
 * it raises in its catch clause, as Python's {@code except} clause does implicitly (SPEC section
 * 5.2 leaves who attaches to the Java project; the library leaves it to the body).
 *
 * <p>Generator-style managers entered through a stack run their body on a helper thread (the
 * library's split mode). The {@link Trace} stops logging when the scenario has ended: a generator
 * left suspended (its stack popped and never closed) is closed by the library only when it becomes
 * unreachable, and that must not show in any trace (SPEC section 8).
 *
 * <p>Async scenarios are run by {@link AsyncScenarioRunner}.
 */
final class ScenarioRunner {
  private final Trace trace = new Trace();

  /** Stack variables; names are unique within a scenario, so one flat map serves every scope. */
  private final Map<String, ExitStack> stacks = new HashMap<>();

  private ScenarioRunner() {}

  /**
   * Runs {@code scenario} and returns its result object: {@code {"id", "trace", "outcome"}}.
   *
   * @throws OutcomeTree.UnexpectedThrowableException if a throwable that no statement raises
   *     escapes the program
   */
  static Map<String, Object> run(Scenario scenario) {
    if (scenario.async()) {
      return AsyncScenarioRunner.run(scenario);
    }
    ScenarioRunner runner = new ScenarioRunner();
    Throwable escaped = null;
    try {
      runner.exec(scenario.program());
    } catch (Throwable t) {
      escaped = t;
    }
    return result(scenario, runner.trace, escaped);
  }

  /**
   * {@return the result object of a scenario that ended with {@code escaped} (null: completed)}
   * Ends {@code trace}.
   */
  static Map<String, Object> result(Scenario scenario, Trace trace, @Nullable Throwable escaped) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    if (escaped == null) {
      outcome.put("ok", true);
    } else {
      outcome.put("raised", OutcomeTree.render(escaped));
    }
    List<String> lines = trace.end();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", scenario.id());
    result.put("trace", lines);
    result.put("outcome", outcome);
    return result;
  }

  private void exec(List<Scenario.Stmt> body) throws Throwable {
    for (Scenario.Stmt stmt : body) {
      exec(stmt);
    }
  }

  private void exec(Scenario.Stmt stmt) throws Throwable {
    if (stmt instanceof Scenario.WithStack s) {
      // Python's `with ExitStack() as name:`: the stack's exit receives the body's throwable.
      Contexts.run(
          new ExitStack(),
          stack -> {
            stacks.put(s.name(), stack);
            exec(s.body());
          });
    } else if (stmt instanceof Scenario.Enter s) {
      stack(s.stack()).enterContext(new LoggingManager(trace, s.cm()));
    } else if (stmt instanceof Scenario.EnterGen s) {
      // Split mode: enter now, exit when the stack unwinds.
      stack(s.stack()).enterContext(Contexts.contextManager(generator(s.gen())));
    } else if (stmt instanceof Scenario.Push s) {
      stack(s.stack()).push(failure -> exit(trace, s.id(), s.cls(), s.onExit(), failure));
    } else if (stmt instanceof Scenario.Callback s) {
      stack(s.stack())
          .callback(
              () -> {
                trace.log("callback " + s.id());
                if (s.raises()) {
                  throw sneaky(s.cls().create(s.id(), null));
                }
              });
    } else if (stmt instanceof Scenario.Register s) {
      AutoCloseable resource =
          () -> {
            trace.log("close " + s.id());
            if (s.raises()) {
              throw sneaky(s.cls().create(s.id(), null));
            }
          };
      stack(s.stack()).register(resource);
    } else if (stmt instanceof Scenario.Close s) {
      stack(s.stack()).close();
    } else if (stmt instanceof Scenario.PopAll s) {
      stacks.put(s.into(), stack(s.stack()).popAll());
    } else if (stmt instanceof Scenario.Raise s) {
      throw s.cls().create(s.id(), null);
    } else if (stmt instanceof Scenario.Try s) {
      try {
        exec(s.body());
      } catch (Throwable t) {
        trace.log("caught " + s.id() + " " + OutcomeTree.label(t));
      }
    } else if (stmt instanceof Scenario.Suppress s) {
      Contexts.run(suppress(s.types()), ignored -> exec(s.body()));
    } else if (stmt instanceof Scenario.Decorated s) {
      // One manager instance for every call: Python reuses a ContextDecorator instance, and the
      // library recreates a (one-shot) generator-style manager for each call, as Python does.
      Callable<Boolean> function =
          Contexts.decorateCallable(
              s.cm() instanceof Scenario.Gen gen
                  ? Contexts.contextManager(generator(gen))
                  : new LoggingManager(trace, (Scenario.Handler) s.cm()),
              () -> {
                try {
                  exec(s.body());
                } catch (Throwable t) {
                  throw sneaky(t);
                }
                return Boolean.TRUE;
              });
      for (int i = 0; i < s.repeat(); i++) {
        function.call();
      }
    } else if (stmt instanceof Scenario.NullContext s) {
      Contexts.run(Contexts.nullContext(), ignored -> exec(s.body()));
    } else {
      throw new IllegalStateException("unhandled statement " + stmt);
    }
  }

  private ExitStack stack(String name) {
    ExitStack stack = stacks.get(name);
    if (stack == null) {
      throw new IllegalStateException("stack variable " + name + " is not bound");
    }
    return stack;
  }

  /** EXIT (SPEC section 2.3): logs what it received, then acts. Never attaches anything. */
  static boolean exit(
      Trace trace, String id, Cls cls, Scenario.Exit onExit, @Nullable Throwable failure) {
    trace.log("exit " + id + " seen=" + OutcomeTree.label(failure));
    return switch (onExit) {
      case PASS -> false;
      case SUPPRESS -> true;
      case RAISE_NEW -> throw sneaky(cls.create(id + "-x", null));
      case RAISE_NEW_FROM -> throw sneaky(cls.create(id + "-x", failure));
      case RERAISE -> {
        if (failure != null) {
          throw sneaky(failure);
        }
        yield false;
      }
    };
  }

  /**
   * GEN (SPEC section 2.4) in the library's style: Python's {@code except} is a catch of any
   * throwable, and the with-block's exception comes out of {@code y.yield}.
   */
  // NullAway (without its JSpecify mode) reads Yielder<@Nullable Void>.yield's parameter as
  // non-null, so y.yield(null) needs this suppression.
  @SuppressWarnings("NullAway")
  private GeneratorBody<@Nullable Void> generator(Scenario.Gen g) {
    String id = g.id();
    return y -> {
      trace.log("gen " + id + " start");
      try {
        if (g.beforeRaises()) {
          throw sneaky(g.cls().create(id + "-b", null));
        }
        if (g.yields() >= 1) {
          if (g.onThrow() == Scenario.OnThrow.PROPAGATE) {
            y.yield(null); // no handler: a thrown X passes straight through
            trace.log("gen " + id + " resumed seen=none");
          } else {
            boolean caught = false;
            try {
              y.yield(null);
            } catch (Throwable e) {
              caught = true;
              trace.log("gen " + id + " resumed seen=" + OutcomeTree.label(e));
              if (g.onThrow() == Scenario.OnThrow.RAISE_NEW) {
                // Raised while e is in flight: Python chains e implicitly, Java code attaches it.
                Throwable x = g.cls().create(id + "-x", null);
                x.addSuppressed(e);
                throw sneaky(x);
              }
              if (g.onThrow() == Scenario.OnThrow.RERAISE) {
                throw e;
              }
              // SWALLOW: fall through, e is suppressed
            }
            if (!caught) {
              trace.log("gen " + id + " resumed seen=none");
            }
          }
        }
        if (g.yields() == 2) {
          y.yield(null); // second yield: no handler at all
        }
        if (g.afterRaises()) {
          throw sneaky(g.cls().create(id + "-a", null));
        }
      } finally {
        if (g.logsFinally()) {
          trace.log("gen " + id + " finally");
        }
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // a Class<? extends Throwable>[] for the varargs
  static ContextManager<?> suppress(List<Cls> types) {
    Class[] classes = new Class[types.size()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = types.get(i).type();
    }
    return Contexts.suppress(classes);
  }

  /**
   * Throws {@code t} as it is, checked or not, without wrapping: the scenario's E3 must reach the
   * library as the same instance.
   */
  @SuppressWarnings("unchecked")
  static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }

  /** The class-based manager of {@code enter} and of an exit-type decorator. */
  static final class LoggingManager implements ContextManager<Scenario.Handler> {
    private final Trace trace;
    private final Scenario.Handler spec;

    LoggingManager(Trace trace, Scenario.Handler spec) {
      this.trace = trace;
      this.spec = spec;
    }

    @Override
    public Scenario.Handler enter() {
      trace.log("enter " + spec.id());
      if (spec.enterRaises()) {
        throw sneaky(spec.cls().create(spec.id(), null));
      }
      return spec;
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      return ScenarioRunner.exit(trace, spec.id(), spec.cls(), spec.onExit(), failure);
    }
  }
}
