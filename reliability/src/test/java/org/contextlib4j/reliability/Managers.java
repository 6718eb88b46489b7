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

import java.util.concurrent.CompletionStage;
import org.contextlib4j.AsyncContextManager;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.contextlib4j.reliability.FaultPlan.AsyncFlavor;
import org.contextlib4j.reliability.FaultPlan.ExitMode;
import org.contextlib4j.reliability.FaultPlan.Leaf;
import org.contextlib4j.reliability.FaultPlan.Stages;
import org.jspecify.annotations.Nullable;

/**
 * The managers around a leaf, written as a careful user would: an enter that fails releases what it
 * opened (with the popAll idiom), an exit closes its resource then does what the plan says, and a
 * generator body closes its resource as try-with-resources would. None of them loses an exception;
 * an exit that returns true records what it swallowed.
 */
final class Managers {
  private Managers() {}

  static ContextManager<Res> sync(FaultRun run, Leaf leaf, boolean generator) {
    return generator ? generator(run, leaf) : new Sync(run, leaf);
  }

  /** A manager class; enter opens (then may fail), exit closes (then does the planned exit). */
  static final class Sync implements ContextManager<Res> {
    private final FaultRun run;
    private final Leaf leaf;
    private @Nullable ExitStack held;

    Sync(FaultRun run, Leaf leaf) {
      this.run = run;
      this.leaf = leaf;
    }

    @Override
    public Res enter() throws Exception {
      // CPython's idiom: register in a local stack, and keep it (popAll) only if enter succeeds.
      try (ExitStack local = new ExitStack()) {
        Res r = local.register(leaf.open(run));
        Injected.Kind fault = leaf.enter();
        if (fault != null) {
          throw sneaky(run.inject(fault, "enter " + leaf.label()));
        }
        held = local.popAll();
        return r;
      }
    }

    @Override
    public boolean exit(@Nullable Throwable failure) throws Exception {
      ExitStack h = held;
      held = null;
      Throwable closeFailure = null;
      if (h != null) {
        try {
          h.close();
        } catch (Throwable t) {
          closeFailure = t;
        }
      }
      return Managers.exit(run, leaf, failure, closeFailure, "exit");
    }

    @Override
    public String toString() {
      return "Sync(" + leaf + ")";
    }
  }

  /**
   * The planned exit, after the resource is closed ({@code closeFailure}: what the close threw). A
   * close failure is never dropped: it is thrown, or attached to the exit's own exception.
   */
  static boolean exit(
      FaultRun run,
      Leaf leaf,
      @Nullable Throwable failure,
      @Nullable Throwable closeFailure,
      String where)
      throws Exception {
    ExitMode mode = leaf.exit();
    switch (mode) {
      case SUPPRESS -> {
        if (closeFailure != null) {
          throw sneaky(closeFailure);
        }
        if (failure != null) {
          run.swallowed(failure);
        }
        return true;
      }
      case THROW, THROW_CAUSED -> {
        Throwable y = run.inject(leaf.exitKind(), where + " " + leaf.label());
        if (mode == ExitMode.THROW_CAUSED && failure != null) {
          y.initCause(failure);
        }
        if (closeFailure != null) {
          y.addSuppressed(closeFailure);
        }
        throw sneaky(y);
      }
      case RETHROW -> {
        if (failure != null && closeFailure == null) {
          throw sneaky(failure);
        }
      }
      case NONE -> {}
    }
    if (closeFailure != null) {
      throw sneaky(closeFailure);
    }
    return false;
  }

  /** Opens, then fails if the plan says enter fails, closing what it opened first. */
  static Res openAndEnter(FaultRun run, Leaf leaf) throws Exception {
    Res r = leaf.open(run);
    Injected.Kind fault = leaf.enter();
    if (fault != null) {
      Throwable x = run.inject(fault, "enter " + leaf.label());
      Throwable closeFailure = Res.closeCapturing(r);
      if (closeFailure != null) {
        x.addSuppressed(closeFailure);
      }
      throw sneaky(x);
    }
    return r;
  }

  /** A generator-style manager: open, yield, close, then the planned exit. */
  static ContextManager<Res> generator(FaultRun run, Leaf leaf) {
    return Contexts.contextManager(
        y -> {
          Res r = openAndEnter(run, leaf);
          Throwable blockFailure = null;
          try {
            y.yield(r);
          } catch (Throwable x) {
            blockFailure = x;
          }
          generatorEnd(run, leaf, blockFailure, Res.closeCapturing(r));
        });
  }

  /**
   * What a generator body does after its yield: the block's exception (and its own close failure,
   * attached as try-with-resources would) is swallowed by returning, replaced by a new exception
   * that carries it (Java chains nothing implicitly), or rethrown.
   */
  static void generatorEnd(
      FaultRun run, Leaf leaf, @Nullable Throwable blockFailure, @Nullable Throwable closeFailure)
      throws Exception {
    Throwable primary = blockFailure;
    if (closeFailure != null) {
      primary = primary == null ? closeFailure : together(primary, closeFailure);
    }
    switch (leaf.exit()) {
      case SUPPRESS -> {
        if (primary != null) {
          run.swallowed(primary);
        }
      }
      case THROW, THROW_CAUSED -> {
        Throwable y = run.inject(leaf.exitKind(), "generator end " + leaf.label());
        if (primary != null) {
          if (leaf.exit() == ExitMode.THROW_CAUSED) {
            y.initCause(primary);
          } else {
            y.addSuppressed(primary);
          }
        }
        throw sneaky(y);
      }
      case NONE, RETHROW -> {
        if (primary != null) {
          throw sneaky(primary);
        }
      }
    }
  }

  // --- async -----------------------------------------------------------------------------------

  static AsyncContextManager<Res> async(FaultRun run, Leaf leaf, AsyncFlavor flavor) {
    return switch (flavor) {
      case CLASS -> new Async(run, leaf);
      case GENERATOR -> asyncGenerator(run, leaf);
      case RESOURCE -> resourceAsync(run, leaf);
      case TO_ASYNC -> Contexts.toAsync(new Sync(run, leaf));
    };
  }

  /** An async manager class; its stages follow the leaf's {@link FaultPlan.AsyncMode}. */
  static final class Async implements AsyncContextManager<Res> {
    private final FaultRun run;
    private final Leaf leaf;
    private volatile @Nullable Res held;

    Async(FaultRun run, Leaf leaf) {
      this.run = run;
      this.leaf = leaf;
    }

    @Override
    public CompletionStage<Res> enterAsync() {
      return Stages.call(
          run,
          leaf.mode(),
          () -> {
            Res r = openAndEnter(run, leaf);
            held = r;
            return r;
          });
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      return Stages.call(
          run,
          leaf.mode(),
          () -> {
            Res r = held;
            held = null;
            return exit(run, leaf, failure, Res.closeCapturing(r), "async exit");
          });
    }

    @Override
    public String toString() {
      return "Async(" + leaf + ")";
    }
  }

  static AsyncContextManager<Res> asyncGenerator(FaultRun run, Leaf leaf) {
    return Contexts.asyncContextManager(
        y ->
            Stages.call(run, leaf.mode(), () -> openAndEnter(run, leaf))
                .thenCompose(
                    r ->
                        Stages.flatten(
                            y.yieldAsync(r)
                                .handle(
                                    (v, x) ->
                                        Stages.run(
                                            run,
                                            leaf.mode(),
                                            () ->
                                                generatorEnd(
                                                    run, leaf, x, Res.closeCapturing(r)))))));
  }

  static AsyncContextManager<Res> resourceAsync(FaultRun run, Leaf leaf) {
    return Contexts.resourceAsync(
        () -> Stages.call(run, leaf.mode(), () -> openAndEnter(run, leaf)),
        (r, failure) ->
            Stages.call(
                run,
                leaf.mode(),
                () -> exit(run, leaf, failure, Res.closeCapturing(r), "release")));
  }

  /**
   * Attaches {@code other} to {@code primary}, or, if {@code primary} can hold nothing, {@code
   * primary} to {@code other}, and returns the one to throw: what a careful body does, as the
   * library does (issue 11). If neither can hold the other, {@code other} is returned and {@code
   * primary} is lost, the loss the ledger excuses.
   */
  static Throwable together(Throwable primary, Throwable other) {
    primary.addSuppressed(other);
    for (Throwable s : primary.getSuppressed()) {
      if (s == other) {
        return primary;
      }
    }
    other.addSuppressed(primary);
    return other;
  }
}
