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
package org.contextlib4j.reliability;

import static org.contextlib4j.reliability.Sneaky.sneaky;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.contextlib4j.AsyncContextManager;
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.contextlib4j.reliability.Injected.Kind;
import org.jspecify.annotations.Nullable;

/**
 * A random scenario: a tree of stacks, {@code with} blocks and decorators, sync and async, whose
 * leaves open real resources with faults planned at open, enter, exit and close. {@link #generate}
 * draws the whole tree from the seed before anything runs, so a run is replayed from its seed
 * alone, and {@link Block#toString()} prints it.
 */
final class FaultPlan {

  // --- what can go wrong ---------------------------------------------------------------------

  /** What an exception-aware exit does, besides closing its resource. */
  enum ExitMode {
    NONE, // returns false
    SUPPRESS, // returns true: the exception in flight is swallowed (and recorded as such)
    THROW, // throws a new injected exception: it replaces the one in flight
    THROW_CAUSED, // the same, with the one in flight as its cause (raise Y from X)
    RETHROW // throws the exception in flight itself (nothing to attach)
  }

  /** How an async leaf produces its stages. */
  enum AsyncMode {
    INLINE, // an already completed (or failed) stage
    THROWING, // throws synchronously instead of returning a failed stage
    POOL, // completed on a pool thread with the exception itself
    POOL_WRAPPED // CompletableFuture.supplyAsync: fails with a CompletionException around it
  }

  /** One real resource and what goes wrong with it. */
  record Leaf(
      int id,
      Res.Type type,
      @Nullable Kind open,
      @Nullable Kind enter,
      ExitMode exit,
      Kind exitKind,
      @Nullable Kind close,
      AsyncMode mode) {

    String label() {
      return type.name().toLowerCase(java.util.Locale.ROOT) + "#" + id;
    }

    Res open(FaultRun run) throws Exception {
      return Res.open(run, type, label(), open, close);
    }

    @Override
    public String toString() {
      return label()
          + "{"
          + (open == null ? "" : "open:" + open + " ")
          + (enter == null ? "" : "enter:" + enter + " ")
          + (exit == ExitMode.NONE ? "" : "exit:" + exit + "/" + exitKind + " ")
          + (close == null ? "" : "close:" + close + " ")
          + mode
          + "}";
    }
  }

  // --- generation ------------------------------------------------------------------------------

  private static final int MAX_DEPTH = 4;

  private final Random random;
  private final double p; // probability of a fault at each point of this run
  private int nextId;
  private int leavesLeft;
  // Where the generation is (issue 11's hostile kinds cannot go everywhere):
  private int inAsync; // under an async block: a failure there passes through CompletableFutures
  private int inTryWithResources; // where Java's try-with-resources combines two failures

  private FaultPlan(long seed) {
    this.random = new Random(seed);
    // A mix of quiet and noisy runs: some inject nothing at all, some fail almost everywhere.
    double[] levels = {0.0, 0.05, 0.15, 0.3, 0.6};
    this.p = levels[random.nextInt(levels.length)];
    this.leavesLeft = 4 + random.nextInt(12);
  }

  /** The scenario of {@code seed}. */
  static Block generate(long seed) {
    return new FaultPlan(seed).block(0);
  }

  private <E extends Enum<E>> E pick(E[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Where a fault is injected. */
  enum Point {
    OPEN,
    ENTER,
    CLOSE,
    BODY
  }

  private static final Kind[] ORDINARY = {Kind.IO, Kind.SQL, Kind.RUNTIME, Kind.ERROR};

  private static final Kind[] HOSTILE = {
    Kind.THROWING_CAUSE,
    Kind.FRESH_CAUSE,
    Kind.THROWING_TEXT,
    Kind.SUPPRESSION_DISABLED,
    Kind.JVM_STACK_OVERFLOW
  };

  private @Nullable Kind fault(Point point) {
    if (random.nextDouble() >= p) {
      return null;
    }
    int r = random.nextInt(100);
    if (r < 3) {
      return Kind.VM_ERROR;
    }
    if (r < 8) {
      return Kind.INTERRUPTED;
    }
    if (r < 20) {
      Kind hostile = pick(HOSTILE);
      return fits(hostile, point) ? hostile : pick(ORDINARY);
    }
    return pick(ORDINARY);
  }

  /**
   * Whether a hostile kind may be injected here. The limits are the test's and the JDK's, not the
   * library's: an exception whose toString throws breaks CompletableFuture itself (the
   * CompletionException around it calls toString), so not under an async block; an exception that
   * holds nothing loses what Java's try-with-resources (or this test's own code, at an enter fault)
   * attaches to it, so not where they do that.
   */
  private boolean fits(Kind kind, Point point) {
    if (kind == Kind.THROWING_TEXT) {
      return inAsync == 0;
    }
    return !kind.holdsNothing() || (point != Point.ENTER && inTryWithResources == 0);
  }

  /** Suppressing is the rarest outcome otherwise (it needs an exception in flight): weighted. */
  private ExitMode exitMode() {
    int r = random.nextInt(100);
    if (r < 40) {
      return ExitMode.SUPPRESS;
    }
    if (r < 60) {
      return ExitMode.THROW;
    }
    if (r < 75) {
      return ExitMode.THROW_CAUSED;
    }
    return r < 90 ? ExitMode.RETHROW : ExitMode.NONE;
  }

  private Leaf leaf() {
    leavesLeft--;
    // Exits that suppress, replace or rethrow are what the rule is about: twice as likely.
    ExitMode exit = random.nextDouble() < 2 * p ? exitMode() : ExitMode.NONE;
    Kind exitKind = pick(new Kind[] {Kind.IO, Kind.SQL, Kind.RUNTIME, Kind.ERROR});
    return new Leaf(
        nextId++,
        pick(Res.Type.values()),
        fault(Point.OPEN),
        fault(Point.ENTER),
        exit,
        exitKind,
        fault(Point.CLOSE),
        pick(AsyncMode.values()));
  }

  Block block(int depth) {
    if (depth >= MAX_DEPTH || leavesLeft <= 0) {
      return new Body(nextId++, fault(Point.BODY));
    }
    int r = depth == 0 ? 10 + random.nextInt(90) : random.nextInt(100);
    if (r < 10) {
      return new Body(nextId++, fault(Point.BODY));
    }
    if (r < 45) {
      return stackBlock(depth);
    }
    if (r < 55) {
      return new WithBlock(leaf(), random.nextBoolean(), block(depth + 1));
    }
    if (r < 65) {
      return new DecoratedBlock(
          leaf(), random.nextBoolean(), pick(Decorator.values()), block(depth + 1));
    }
    inAsync++;
    try {
      if (r < 85) { // 20%
        return new AsyncStackBlock(
            pick(AsyncStyle.values()),
            asyncEntries(depth),
            block(depth + 1),
            pick(AsyncMode.values()));
      }
      return new AsyncWithBlock(
          leaf(),
          pick(AsyncFlavor.values()),
          pick(AsyncDecorator.values()),
          block(depth + 1),
          pick(AsyncMode.values()));
    } finally {
      inAsync--;
    }
  }

  /**
   * A synchronous stack block. Its try-with-resources forms combine failures with Java's own rule:
   * {@code TRY_WITH_RESOURCES} the body's with the close's, {@code POP_ALL} (filling a temporary
   * stack) a failing registration's with the temporary stack's close.
   */
  private Block stackBlock(int depth) {
    StackStyle style = pick(StackStyle.values());
    boolean entriesInTwr = style == StackStyle.TRY_WITH_RESOURCES || style == StackStyle.POP_ALL;
    boolean bodyInTwr = style == StackStyle.TRY_WITH_RESOURCES;
    inTryWithResources += entriesInTwr ? 1 : 0;
    List<Entry> entries = entries(depth);
    inTryWithResources += (bodyInTwr ? 1 : 0) - (entriesInTwr ? 1 : 0);
    Block body = block(depth + 1);
    inTryWithResources -= bodyInTwr ? 1 : 0;
    return new StackBlock(style, entries, body);
  }

  private List<Entry> entries(int depth) {
    int n = 1 + random.nextInt(4);
    List<Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n && leavesLeft > 0; i++) {
      entries.add(entry(depth));
    }
    return entries;
  }

  private Entry entry(int depth) {
    if (depth + 1 < MAX_DEPTH && random.nextInt(5) == 0) {
      Nesting how = pick(Nesting.values());
      boolean twr = how == Nesting.POP_ALL_AS_MANAGER || how == Nesting.POP_ALL_AS_RESOURCE;
      inTryWithResources += twr ? 1 : 0;
      List<Entry> entries = entries(depth + 1);
      inTryWithResources -= twr ? 1 : 0;
      return new NestedEntry(how, entries);
    }
    return new LeafEntry(pick(Registration.values()), leaf());
  }

  private List<AsyncEntry> asyncEntries(int depth) {
    int n = 1 + random.nextInt(4);
    List<AsyncEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n && leavesLeft > 0; i++) {
      int r = random.nextInt(10);
      if (r < 3) {
        entries.add(new SyncInAsync(entry(depth)));
      } else if (r < 4 && depth + 1 < MAX_DEPTH) {
        entries.add(new AsyncNestedEntry(pick(AsyncNesting.values()), asyncEntries(depth + 1)));
      } else {
        entries.add(new AsyncLeafEntry(pick(AsyncRegistration.values()), leaf()));
      }
    }
    return entries;
  }

  // --- the tree --------------------------------------------------------------------------------

  /** Something that runs inside its parent's with-block. */
  interface Block {
    void run(FaultRun run) throws Exception;
  }

  /** Something registered in a synchronous stack (or, through {@link Target}, an async one). */
  interface Entry {
    void attach(FaultRun run, Target stack) throws Exception;
  }

  /** Something registered in an async stack; the stage completes when it is registered. */
  interface AsyncEntry {
    CompletionStage<?> attach(FaultRun run, AsyncExitStack stack) throws Exception;
  }

  /** The innermost with-block: fails or does nothing. */
  record Body(int id, @Nullable Kind fault) implements Block {
    @Override
    public void run(FaultRun run) throws Exception {
      if (fault != null) {
        throw sneaky(run.inject(fault, "body#" + id));
      }
    }

    @Override
    public String toString() {
      return fault == null ? "ok" : "fail:" + fault;
    }
  }

  /** How a synchronous stack is used. */
  enum StackStyle {
    WITH, // Contexts.run(new ExitStack(), s -> {register...; body})
    CLOSE, // try {register...; body} catch (t) {s.close(t)} s.close()
    EXIT, // the same with s.exit(t)
    POP_ALL, // register in a temporary stack, popAll, then run the body in the moved stack
    TRY_WITH_RESOURCES // try (ExitStack s = ...): the exits do not see the body's exception
  }

  record StackBlock(StackStyle style, List<Entry> entries, Block body) implements Block {
    @Override
    public void run(FaultRun run) throws Exception {
      switch (style) {
        case WITH ->
            Contexts.run(
                new ExitStack(),
                s -> {
                  fill(run, Target.of(s), entries);
                  body.run(run);
                });
        case CLOSE -> {
          ExitStack s = new ExitStack();
          try {
            fill(run, Target.of(s), entries);
            body.run(run);
          } catch (Throwable t) {
            s.close(t); // returns only if an exit suppressed t
            return;
          }
          s.close();
        }
        case EXIT -> {
          ExitStack s = new ExitStack();
          try {
            fill(run, Target.of(s), entries);
            body.run(run);
          } catch (Throwable t) {
            if (s.exit(t)) {
              return;
            }
            throw t;
          }
          s.exit(null);
        }
        case POP_ALL -> {
          ExitStack moved;
          try (ExitStack tmp = new ExitStack()) {
            fill(run, Target.of(tmp), entries);
            moved = tmp.popAll();
          }
          Contexts.run(moved, s -> body.run(run));
        }
        case TRY_WITH_RESOURCES -> {
          try (ExitStack s = new ExitStack()) {
            fill(run, Target.of(s), entries);
            body.run(run);
          }
        }
        default -> throw new AssertionError(style);
      }
    }

    @Override
    public String toString() {
      return "stack[" + style + "]" + entries + " { " + body + " }";
    }
  }

  static void fill(FaultRun run, Target stack, List<Entry> entries) throws Exception {
    for (Entry e : entries) {
      e.attach(run, stack);
    }
  }

  /** {@code Contexts.run(manager, r -> body)}; the manager is a class or a generator (callback). */
  record WithBlock(Leaf leaf, boolean generator, Block body) implements Block {
    @Override
    public void run(FaultRun run) throws Exception {
      Contexts.run(Managers.sync(run, leaf, generator), r -> body.run(run));
    }

    @Override
    public String toString() {
      return "with(" + (generator ? "generator " : "") + leaf + ") { " + body + " }";
    }
  }

  /** The sync decorators. */
  enum Decorator {
    CALLABLE_FACTORY,
    CALLABLE_INSTANCE,
    RUNNABLE_FACTORY,
    FUNCTION_INSTANCE
  }

  record DecoratedBlock(Leaf leaf, boolean generator, Decorator decorator, Block body)
      implements Block {
    @Override
    public void run(FaultRun run) throws Exception {
      Supplier<ContextManager<?>> factory = () -> Managers.sync(run, leaf, generator);
      Runnable runBody =
          () -> {
            try {
              body.run(run);
            } catch (Exception e) {
              throw sneaky(e);
            }
          };
      // Each returns the body's result, or null if its exception was suppressed.
      @Nullable Object result =
          switch (decorator) {
            case CALLABLE_FACTORY ->
                Contexts.decorateCallable(
                        factory,
                        () -> {
                          body.run(run);
                          return "done";
                        })
                    .call();
            case CALLABLE_INSTANCE ->
                Contexts.decorateCallable(
                        factory.get(),
                        () -> {
                          body.run(run);
                          return "done";
                        })
                    .call();
            case RUNNABLE_FACTORY -> {
              Contexts.decorateRunnable(factory, runBody).run();
              yield "done";
            }
            case FUNCTION_INSTANCE ->
                Contexts.decorateFunction(
                        factory.get(),
                        (String s) -> {
                          runBody.run();
                          return "done";
                        })
                    .apply("x");
          };
      if (result != null && !result.equals("done")) {
        throw new AssertionError("a decorated call returned " + result);
      }
    }

    @Override
    public String toString() {
      return decorator + "(" + (generator ? "generator " : "") + leaf + ") { " + body + " }";
    }
  }

  /** How a leaf is registered in a synchronous stack. */
  enum Registration {
    ENTER_CONTEXT, // enterContext(a manager class)
    ENTER_GENERATOR, // enterContext(Contexts.contextManager(...)): split mode, helper thread
    REGISTER, // register(resource)
    CLOSING, // enterContext(Contexts.closing(resource))
    CALLBACK, // callback(resource::close)
    PUSH_HANDLER, // push(failure -> close, then the planned exit)
    PUSH_MANAGER // push(manager), then manager.enter(): its exit runs even if enter fails
  }

  record LeafEntry(Registration how, Leaf leaf) implements Entry {
    @Override
    public void attach(FaultRun run, Target stack) throws Exception {
      switch (how) {
        case ENTER_CONTEXT -> stack.enterContext(new Managers.Sync(run, leaf));
        case ENTER_GENERATOR -> stack.enterContext(Managers.generator(run, leaf));
        case REGISTER -> stack.register(leaf.open(run));
        case CLOSING -> stack.enterContext(Contexts.closing(leaf.open(run)));
        case CALLBACK -> {
          Res r = leaf.open(run);
          stack.callback(r::close);
        }
        case PUSH_HANDLER -> {
          Res r = leaf.open(run);
          stack.push(
              failure -> Managers.exit(run, leaf, failure, Res.closeCapturing(r), "handler"));
        }
        case PUSH_MANAGER -> {
          Managers.Sync m = new Managers.Sync(run, leaf);
          stack.pushManager(m);
          m.enter();
        }
        default -> throw new AssertionError(how);
      }
    }

    @Override
    public String toString() {
      return how + " " + leaf;
    }
  }

  /** How a nested synchronous stack is registered. */
  enum Nesting {
    AS_MANAGER, // enterContext(inner): its exits see ours
    PUSHED, // push(inner)
    AS_RESOURCE, // register(inner): closed as a plain cleanup
    CLOSING, // enterContext(closing(inner))
    POP_ALL_AS_MANAGER, // filled in a temporary stack, popAll, enterContext(moved)
    POP_ALL_AS_RESOURCE // ... register(moved)
  }

  record NestedEntry(Nesting how, List<Entry> entries) implements Entry {
    @Override
    public void attach(FaultRun run, Target stack) throws Exception {
      switch (how) {
        case AS_MANAGER -> fill(run, Target.of(stack.enterContext(new ExitStack())), entries);
        case PUSHED -> {
          ExitStack inner = new ExitStack();
          stack.pushManager(inner);
          fill(run, Target.of(inner), entries);
        }
        case AS_RESOURCE -> fill(run, Target.of(stack.register(new ExitStack())), entries);
        case CLOSING ->
            fill(run, Target.of(stack.enterContext(Contexts.closing(new ExitStack()))), entries);
        case POP_ALL_AS_MANAGER, POP_ALL_AS_RESOURCE -> {
          ExitStack moved;
          try (ExitStack tmp = new ExitStack()) {
            fill(run, Target.of(tmp), entries);
            moved = tmp.popAll();
          }
          if (how == Nesting.POP_ALL_AS_MANAGER) {
            stack.enterContext(moved);
          } else {
            stack.register(moved);
          }
        }
        default -> throw new AssertionError(how);
      }
    }

    @Override
    public String toString() {
      return "nested[" + how + "]" + entries;
    }
  }

  // --- async -----------------------------------------------------------------------------------

  /** How an async stack is used. */
  enum AsyncStyle {
    WITH_ASYNC, // Contexts.withAsync(new AsyncExitStack(), s -> register...; body)
    CLOSE_ASYNC, // register...; body; then closeAsync() or closeAsync(t)
    EXIT_ASYNC // ... exitAsync(t), rethrowing t unless it returns true
  }

  record AsyncStackBlock(AsyncStyle style, List<AsyncEntry> entries, Block body, AsyncMode bodyMode)
      implements Block {
    @Override
    public void run(FaultRun run) throws Exception {
      await(start(run));
    }

    private CompletionStage<?> start(FaultRun run) {
      if (style == AsyncStyle.WITH_ASYNC) {
        return Contexts.withAsync(
            new AsyncExitStack(),
            s ->
                fillAsync(run, s, entries)
                    .thenCompose(v -> Stages.run(run, bodyMode, () -> body.run(run))));
      }
      AsyncExitStack s = new AsyncExitStack();
      CompletionStage<?> work =
          fillAsync(run, s, entries)
              .thenCompose(v -> Stages.run(run, bodyMode, () -> body.run(run)));
      return Stages.flatten(
          work.handle(
              (v, t) -> {
                Throwable x = t == null ? null : Stages.unwrapOurs(t);
                if (style == AsyncStyle.CLOSE_ASYNC) {
                  return x == null ? s.closeAsync() : s.closeAsync(x);
                }
                // The library's stage is read raw: a wrapper it let through would show.
                return Stages.flatten(
                    s.exitAsync(x)
                        .handle(
                            (suppressed, u) ->
                                u != null
                                    ? CompletableFuture.failedFuture(u)
                                    : x == null || suppressed
                                        ? CompletableFuture.completedFuture(null)
                                        : CompletableFuture.failedFuture(x)));
              }));
    }

    @Override
    public String toString() {
      return "asyncStack[" + style + "]" + entries + " { " + body + " " + bodyMode + " }";
    }
  }

  static CompletionStage<?> fillAsync(
      FaultRun run, AsyncExitStack stack, List<AsyncEntry> entries) {
    CompletionStage<?> chain = CompletableFuture.completedFuture(null);
    for (AsyncEntry e : entries) {
      chain =
          chain.thenCompose(
              v -> {
                try {
                  return e.attach(run, stack);
                } catch (Exception x) {
                  throw sneaky(x);
                }
              });
    }
    return chain;
  }

  /** A synchronous entry registered in an async stack. */
  record SyncInAsync(Entry entry) implements AsyncEntry {
    @Override
    public CompletionStage<?> attach(FaultRun run, AsyncExitStack stack) throws Exception {
      entry.attach(run, Target.of(stack));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public String toString() {
      return "sync " + entry;
    }
  }

  /** How a leaf is registered in an async stack. */
  enum AsyncRegistration {
    ENTER_ASYNC_CLASS,
    ENTER_ASYNC_GENERATOR, // Contexts.asyncContextManager
    ENTER_ASYNC_RESOURCE, // Contexts.resourceAsync
    ENTER_ASYNC_TO_ASYNC, // Contexts.toAsync(sync manager)
    PUSH_ASYNC_CALLBACK, // pushAsyncCallback(() -> close on the pool)
    PUSH_ASYNC_HANDLER, // pushAsyncExit(failure -> close, then the planned exit)
    PUSH_ASYNC_MANAGER // pushAsyncExit(manager), then its enterAsync
  }

  record AsyncLeafEntry(AsyncRegistration how, Leaf leaf) implements AsyncEntry {
    @Override
    public CompletionStage<?> attach(FaultRun run, AsyncExitStack stack) throws Exception {
      return switch (how) {
        case ENTER_ASYNC_CLASS -> stack.enterAsyncContext(new Managers.Async(run, leaf));
        case ENTER_ASYNC_GENERATOR -> stack.enterAsyncContext(Managers.asyncGenerator(run, leaf));
        case ENTER_ASYNC_RESOURCE -> stack.enterAsyncContext(Managers.resourceAsync(run, leaf));
        case ENTER_ASYNC_TO_ASYNC ->
            stack.enterAsyncContext(Contexts.toAsync(new Managers.Sync(run, leaf)));
        case PUSH_ASYNC_CALLBACK -> {
          Res r = leaf.open(run);
          stack.pushAsyncCallback(() -> Stages.run(run, leaf.mode(), r::close));
          yield CompletableFuture.completedFuture(null);
        }
        case PUSH_ASYNC_HANDLER -> {
          Res r = leaf.open(run);
          stack.pushAsyncExit(
              failure ->
                  Stages.call(
                      run,
                      leaf.mode(),
                      () ->
                          Managers.exit(
                              run, leaf, failure, Res.closeCapturing(r), "async handler")));
          yield CompletableFuture.completedFuture(null);
        }
        case PUSH_ASYNC_MANAGER -> {
          Managers.Async m = new Managers.Async(run, leaf);
          stack.pushAsyncExit(m);
          yield m.enterAsync();
        }
      };
    }

    @Override
    public String toString() {
      return how + " " + leaf;
    }
  }

  /** How a nested async stack is registered. */
  enum AsyncNesting {
    ENTER_ASYNC, // enterAsyncContext(inner)
    PUSH_ASYNC, // pushAsyncExit(inner)
    POP_ALL // filled in a temporary stack (closed with the failure if filling fails), popAll
  }

  record AsyncNestedEntry(AsyncNesting how, List<AsyncEntry> entries) implements AsyncEntry {
    @Override
    public CompletionStage<?> attach(FaultRun run, AsyncExitStack stack) {
      return switch (how) {
        case ENTER_ASYNC ->
            stack
                .enterAsyncContext(new AsyncExitStack())
                .thenCompose(inner -> fillAsync(run, inner, entries));
        case PUSH_ASYNC -> {
          AsyncExitStack inner = new AsyncExitStack();
          stack.pushAsyncExit(inner);
          yield fillAsync(run, inner, entries);
        }
        case POP_ALL -> {
          AsyncExitStack tmp = new AsyncExitStack();
          yield Stages.flatten(
              fillAsync(run, tmp, entries)
                  .handle(
                      (v, t) ->
                          t == null
                              ? stack.enterAsyncContext(tmp.popAll()).thenApply(moved -> "moved")
                              : tmp.closeAsync(Stages.unwrapOurs(t)).thenApply(v2 -> "closed")));
        }
      };
    }

    @Override
    public String toString() {
      return "asyncNested[" + how + "]" + entries;
    }
  }

  /** Which async manager a leaf is. */
  enum AsyncFlavor {
    CLASS,
    GENERATOR,
    RESOURCE,
    TO_ASYNC
  }

  /** How an async with-block is run. */
  enum AsyncDecorator {
    WITH_ASYNC,
    SUPPLIER_FACTORY,
    FUNCTION_INSTANCE
  }

  record AsyncWithBlock(
      Leaf leaf, AsyncFlavor flavor, AsyncDecorator decorator, Block body, AsyncMode bodyMode)
      implements Block {
    @Override
    public void run(FaultRun run) throws Exception {
      Supplier<AsyncContextManager<?>> factory = () -> Managers.async(run, leaf, flavor);
      Supplier<CompletionStage<@Nullable Void>> work =
          () -> Stages.run(run, bodyMode, () -> body.run(run));
      await(
          switch (decorator) {
            case WITH_ASYNC -> Contexts.withAsync(factory.get(), r -> work.get());
            case SUPPLIER_FACTORY -> Contexts.decorateAsyncSupplier(factory, work).get();
            case FUNCTION_INSTANCE ->
                Contexts.decorateAsyncFunction(factory.get(), (String s) -> work.get()).apply("x");
          });
    }

    @Override
    public String toString() {
      return decorator + "(" + flavor + " " + leaf + ") { " + body + " " + bodyMode + " }";
    }
  }

  /**
   * Waits for a stage the library returned and throws its failure exactly as the stage holds it: a
   * {@link CompletionException} the library let through would show up as foreign. Waits with the
   * interrupt status cleared (an injected interrupt may have set it) and sets it again after.
   */
  static void await(CompletionStage<?> stage) {
    CompletableFuture<@Nullable Throwable> outcome = new CompletableFuture<>();
    stage.whenComplete((v, t) -> outcome.complete(t));
    boolean interrupted = Thread.interrupted();
    Throwable failure;
    try {
      while (true) {
        try {
          failure = outcome.get(60, TimeUnit.SECONDS);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the stage did not complete within 60 s: " + stage, e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      throw sneaky(failure);
    }
  }

  /** Stage helpers. */
  static final class Stages {
    private Stages() {}

    interface Work {
      void run() throws Exception;
    }

    static CompletionStage<@Nullable Void> run(FaultRun run, AsyncMode mode, Work work) {
      return call(
          run,
          mode,
          () -> {
            work.run();
            return null;
          });
    }

    /** A stage for {@code work} in the given mode; see {@link AsyncMode}. */
    static <V> CompletionStage<V> call(FaultRun run, AsyncMode mode, Callable<V> work) {
      switch (mode) {
        case INLINE -> {
          try {
            return CompletableFuture.completedFuture(work.call());
          } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
          }
        }
        case THROWING -> {
          try {
            return CompletableFuture.completedFuture(work.call());
          } catch (Exception e) {
            throw sneaky(e);
          }
        }
        case POOL -> {
          CompletableFuture<V> f = new CompletableFuture<>();
          run.world.pool.execute(
              () -> {
                try {
                  f.complete(work.call());
                } catch (Throwable t) {
                  f.completeExceptionally(t);
                }
              });
          return f;
        }
        case POOL_WRAPPED -> {
          return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return work.call();
                } catch (Exception e) {
                  throw sneaky(e);
                }
              },
              run.world.pool);
        }
        default -> throw new AssertionError(mode);
      }
    }

    /** A stage completing exactly as the stage {@code nested} completes with (no wrapper). */
    static <V> CompletionStage<V> flatten(CompletionStage<? extends CompletionStage<V>> nested) {
      CompletableFuture<V> out = new CompletableFuture<>();
      nested.whenComplete(
          (inner, t) -> {
            if (t != null) {
              out.completeExceptionally(unwrapOurs(t));
            } else {
              inner.whenComplete(
                  (v, u) -> {
                    if (u != null) {
                      out.completeExceptionally(u);
                    } else {
                      out.complete(v);
                    }
                  });
            }
          });
      return out;
    }

    /**
     * Removes the {@link CompletionException} our own composition (thenCompose on a failed stage)
     * puts around a failure. Only used on stages this test composed itself.
     */
    static Throwable unwrapOurs(Throwable t) {
      Throwable x = t;
      while (x instanceof CompletionException && x.getCause() != null) {
        x = x.getCause();
      }
      return x;
    }
  }
}
