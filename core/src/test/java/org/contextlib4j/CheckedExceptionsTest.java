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
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.contextlib4j.Contexts.contextManager;
import static org.contextlib4j.Contexts.decorate;
import static org.contextlib4j.Contexts.nullContext;
import static org.contextlib4j.Contexts.run;
import static org.contextlib4j.Contexts.suppress;
import static org.contextlib4j.Contexts.with;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Checked exceptions a caller can catch by their type (issue 13): a {@link CheckedContextManager}
 * declares what its enter and exit throw, and {@code with}/{@code run} declare it, as do the {@link
 * CheckedRunnable} and {@link CheckedCallable} that {@code decorate} returns. Most of these tests
 * are about compiling: each {@code catch (DatabaseException e)} below compiles only because the
 * call declares {@code DatabaseException}; each call without a {@code catch} compiles only because
 * nothing checked is declared.
 */
class CheckedExceptionsTest {

  private final List<String> log = new ArrayList<>();

  /** Stands for {@code java.sql.SQLException} (the tests run in the module, which reads no SQL). */
  static final class DatabaseException extends Exception {
    private static final long serialVersionUID = 1L;

    DatabaseException(String message) {
      super(message);
    }
  }

  /** A transaction whose enter or exit may fail with the {@link DatabaseException} it declares. */
  private final class Transaction implements CheckedContextManager<String, DatabaseException> {
    private final @Nullable DatabaseException enterFails;
    private final @Nullable DatabaseException exitFails;

    Transaction(@Nullable DatabaseException enterFails, @Nullable DatabaseException exitFails) {
      this.enterFails = enterFails;
      this.exitFails = exitFails;
    }

    @Override
    public String enter() throws DatabaseException {
      if (enterFails != null) {
        throw enterFails;
      }
      return "connection";
    }

    @Override
    public boolean exit(@Nullable Throwable failure) throws DatabaseException {
      log.add("exit saw " + failure);
      if (exitFails != null) {
        throw exitFails;
      }
      return false;
    }
  }

  private void insert(String connection) {
    log.add("insert into " + connection);
  }

  private int rows() {
    log.add("rows");
    return 2;
  }

  private void read() throws IOException {
    throw new IOException("read failed");
  }

  private void failingInsert(DatabaseException failure) throws DatabaseException {
    log.add("insert failed");
    throw failure;
  }

  private Transaction openTransaction(@Nullable DatabaseException refused)
      throws DatabaseException {
    if (refused != null) {
      throw refused;
    }
    log.add("opened");
    return new Transaction(null, null);
  }

  private int count(String connection) throws IOException {
    log.add("count " + connection);
    return 3;
  }

  @Test
  void withACheckedManager_returnsTheBodysResult_whenNothingFails() throws Exception {
    Integer n = with(new Transaction(null, null), c -> count(c));
    assertThat(n).isEqualTo(3);
    assertThat(log).containsExactly("count connection", "exit saw null");
  }

  @Test
  void anSqlExceptionFromTheManagersEnter_isCaughtByItsType_aroundRun() {
    DatabaseException refused = new DatabaseException("refused");
    DatabaseException caught = null;

    try {
      run(new Transaction(refused, null), c -> insert(c));
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(refused);
    assertThat(log).isEmpty();
  }

  @Test
  void anSqlExceptionFromTheManagersExit_isCaughtByItsType_aroundWith() {
    DatabaseException commitFailed = new DatabaseException("commit failed");
    DatabaseException caught = null;
    Integer rows = null;

    try {
      rows = with(new Transaction(null, commitFailed), c -> c.length());
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(rows).isNull();
    assertThat(caught).isSameAs(commitFailed);
  }

  @Test
  void theBodysAndTheManagersCheckedExceptions_areBothDeclared_andTheExitsReplacesTheBodys() {
    DatabaseException rollbackFailed = new DatabaseException("rollback failed");
    IOException bodyFailed = new IOException("body failed");
    Throwable caught = null;

    try {
      with(
          new Transaction(null, rollbackFailed),
          c -> {
            count(c);
            throw bodyFailed;
          });
    } catch (DatabaseException | IOException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(rollbackFailed);
    assertThat(rollbackFailed.getSuppressed()).containsExactly(bodyFailed);
  }

  @Test
  void aPlainManager_needsNoCatch_andAVoidBodyGoesToRun() {
    // Compiles without a catch: a plain ContextManager declares nothing to the caller.
    run(Contexts.nullContext("plain"), c -> insert(c));
    // A body that returns nothing is run's; with(manager, c -> insert(c)) is a compile error.
    int length = with(Contexts.nullContext("plain"), c -> c.length());

    assertThat(length).isEqualTo(5);
    assertThat(log).containsExactly("insert into plain");
  }

  @Test
  void aSuppressedBody_givesNull_whichOptionalTurnsIntoADefaultForAPrimitive() {
    int n =
        Optional.ofNullable(
                with(
                    suppress(IllegalStateException.class),
                    ignored -> {
                      if (log.isEmpty()) {
                        throw new IllegalStateException("suppressed");
                      }
                      return 1;
                    }))
            .orElse(-1);

    assertThat(n).isEqualTo(-1);
  }

  @Test
  void aCheckedManagerIsStillAContextManager_forTheStacksAndTheOtherMethods() throws Exception {
    ContextManager<String> any = new Transaction(null, null);
    Callable<@Nullable Integer> decorated =
        Contexts.decorateCallable(any, () -> count("decorated"));

    try (ExitStack stack = new ExitStack()) {
      assertThat(stack.enterContext(any)).isEqualTo("connection");
    }

    assertThat(decorated.call()).isEqualTo(3);
    assertThat(log).containsExactly("exit saw null", "count decorated", "exit saw null");
  }

  // --- decorate: CheckedRunnable and CheckedCallable ---------------------------------------------

  @Test
  void decorate_theManagersEnterFailure_isCaughtByItsType_fromTheDecoratedRunnable() {
    DatabaseException refused = new DatabaseException("refused");
    var decorated = decorate(new Transaction(refused, null), () -> insert("row"));
    DatabaseException caught = null;

    try {
      decorated.run(); // a void method: the CheckedRunnable form, X = DatabaseException
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(refused);
    assertThat(log).isEmpty();
  }

  @Test
  void decorate_theManagersExitFailure_isCaughtByItsType_fromTheDecoratedCallable() {
    DatabaseException commitFailed = new DatabaseException("commit failed");
    var decorated = decorate(new Transaction(null, commitFailed), () -> rows());
    DatabaseException caught = null;
    Integer rows = 0;

    try {
      rows = decorated.call(); // a value: the CheckedCallable form
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(commitFailed);
    assertThat(rows).isZero();
    assertThat(log).containsExactly("rows", "exit saw null");
  }

  @Test
  void decorate_withMethodReferences_picksTheRunnableOrTheCallableForm() {
    CheckedExceptionsTest test = this;
    var runnable = decorate(new Transaction(null, null), test::flush);
    var callable = decorate(new Transaction(null, null), test::rows);
    Integer rows = null;

    try {
      runnable.run();
      rows = callable.call();
    } catch (DatabaseException e) {
      throw new AssertionError(e);
    }

    assertThat(rows).isEqualTo(2);
    assertThat(log).containsExactly("flush", "exit saw null", "rows", "exit saw null");
  }

  private void flush() {
    log.add("flush");
  }

  @Test
  void decorate_theBodysCheckedException_isCaughtByItsType_withAPlainManager() {
    IOException caughtFromRunnable = null;
    IOException caughtFromCallable = null;

    try {
      decorate(nullContext("plain"), () -> read()).run();
    } catch (IOException e) {
      caughtFromRunnable = e;
    }
    try {
      decorate(nullContext("plain"), () -> count("plain")).call();
    } catch (IOException e) {
      caughtFromCallable = e;
    }

    assertThat(caughtFromRunnable).hasMessage("read failed");
    assertThat(caughtFromCallable).isNull();
    assertThat(log).containsExactly("count plain");
  }

  @Test
  void decorate_thePlainManagerAndAQuietBody_needNoCatch() {
    // Compiles without a catch and without a throws clause: nothing checked is declared.
    decorate(nullContext("plain"), () -> insert("plain")).run();
    int rows = decorate(nullContext("plain"), () -> rows()).call();

    assertThat(rows).isEqualTo(2);
    assertThat(log).containsExactly("insert into plain", "rows");
  }

  @Test
  void decorate_aCheckedManagerSeenAsAContextManager_choosesThePlainForm_andLosesTheDeclaration() {
    DatabaseException refused = new DatabaseException("refused");
    ContextManager<String> any = new Transaction(refused, null);
    var decorated = decorate(any, () -> insert("row"));
    Runnable call = () -> decorated.run(); // compiles: run() declares nothing checked

    assertThatThrownBy(call::run).isSameAs(refused); // still thrown, undeclared and unwrapped
  }

  @Test
  void decorate_theBodysException_isReplacedByTheExits_andAttachedToIt() {
    DatabaseException insertFailed = new DatabaseException("insert failed");
    DatabaseException rollbackFailed = new DatabaseException("rollback failed");
    var decorated =
        decorate(new Transaction(null, rollbackFailed), () -> failingInsert(insertFailed));
    DatabaseException caught = null;

    try {
      decorated.run();
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(rollbackFailed);
    assertThat(rollbackFailed.getSuppressed()).containsExactly(insertFailed);
    assertThat(log).containsExactly("insert failed", "exit saw " + insertFailed);
  }

  @Test
  void decorate_theBodysException_propagatesAsIs_whenTheExitDoesNotReplaceIt() {
    DatabaseException insertFailed = new DatabaseException("insert failed");
    var decorated = decorate(new Transaction(null, null), () -> failingInsert(insertFailed));
    DatabaseException caught = null;

    try {
      decorated.run();
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(insertFailed);
    assertThat(insertFailed.getSuppressed()).isEmpty();
  }

  @Test
  void decorate_twoUnrelatedCheckedTypes_declareTheirCommonSupertype() {
    // The manager's DatabaseException and the body's IOException: X is inferred as Exception,
    // so the call needs catch (Exception e); catch (DatabaseException | IOException e) alone
    // does not compile.
    var decorated = decorate(new Transaction(null, null), () -> read());
    Exception caught = null;

    try {
      decorated.run();
    } catch (Exception e) {
      caught = e;
    }

    assertThat(caught).isInstanceOf(IOException.class).hasMessage("read failed");
  }

  @Test
  void decorate_aSuppressedException_givesNull_orReturnsNormally() {
    var callable =
        decorate(
            suppress(IllegalStateException.class),
            () -> {
              if (log.isEmpty()) {
                throw new IllegalStateException("suppressed");
              }
              return 1;
            });
    // A lambda that only throws is both shapes; the callable form is chosen, as submit does.
    var throwing =
        decorate(
            suppress(IllegalStateException.class),
            () -> {
              throw new IllegalStateException("suppressed");
            });
    var runnable = decorate(suppress(IllegalStateException.class), () -> invalidState());

    assertThat(callable.call()).isNull();
    assertThat(throwing.call()).isNull();
    runnable.run(); // returns normally
  }

  private void invalidState() {
    throw new IllegalStateException("suppressed");
  }

  @Test
  void decorate_aFactory_givesAFreshManagerPerCall() {
    List<Transaction> created = new ArrayList<>();
    var decorated =
        decorate(
            () -> {
              Transaction t = new Transaction(null, null);
              created.add(t);
              return t;
            },
            () -> rows());
    Integer first = null;
    Integer second = null;

    try {
      first = decorated.call();
      second = decorated.call();
    } catch (DatabaseException e) { // compiles: the factory's managers declare it
      throw new AssertionError(e);
    }

    assertThat(first).isEqualTo(2);
    assertThat(second).isEqualTo(2);
    assertThat(created).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void decorate_aCheckedFactory_mayThrowTheManagersException_whichIsCaughtByItsType() {
    DatabaseException refused = new DatabaseException("no connection");
    var decorated = decorate(() -> openTransaction(refused), () -> insert("row"));
    DatabaseException caught = null;

    try {
      decorated.run();
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(refused);
    assertThat(log).isEmpty();
  }

  @Test
  void decorate_aPlainFactory_givesAFreshManagerPerCall_andNeedsNoCatch() {
    List<ContextManager<String>> created = new ArrayList<>();
    Supplier<ContextManager<String>> factory =
        () -> {
          ContextManager<String> m = nullContext("fresh");
          created.add(m);
          return m;
        };
    var decorated = decorate(factory, () -> insert("fresh"));

    decorated.run();
    decorated.run();

    assertThat(created).hasSize(2);
    assertThat(log).containsExactly("insert into fresh", "insert into fresh");
  }

  @Test
  void decorate_aGeneratorManager_runsAFreshCopyPerCall_andTheBodysExceptionReachesIt() {
    ContextManager<String> generator =
        contextManager(
            y -> {
              log.add("setup");
              try {
                y.yield("g");
              } finally {
                log.add("teardown");
              }
            });
    DatabaseException insertFailed = new DatabaseException("insert failed");
    var rows = decorate(generator, () -> rows());
    var failing = decorate(generator, () -> failingInsert(insertFailed));
    DatabaseException caught = null;

    assertThat(rows.call()).isEqualTo(2);
    assertThat(rows.call()).isEqualTo(2);
    try {
      failing.run();
    } catch (DatabaseException e) {
      caught = e;
    }

    assertThat(caught).isSameAs(insertFailed);
    assertThat(log)
        .containsExactly(
            "setup",
            "rows",
            "teardown",
            "setup",
            "rows",
            "teardown",
            "setup",
            "insert failed",
            "teardown");
  }

  @Test
  void decorate_rejectsNulls_namingTheParameter() {
    ContextManager<String> plain = nullContext("plain");
    Transaction checked = new Transaction(null, null);
    CheckedRunnable<RuntimeException> action = () -> {};
    CheckedCallable<String, RuntimeException> callable = () -> "value";

    assertThatNullPointerException()
        .isThrownBy(() -> decorate((ContextManager<?>) null, action))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate((ContextManager<?>) null, callable))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate((CheckedContextManager<?, DatabaseException>) null, action))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate((CheckedContextManager<?, DatabaseException>) null, callable))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate(plain, (CheckedRunnable<RuntimeException>) null))
        .withMessage("action cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate(checked, (CheckedCallable<String, RuntimeException>) null))
        .withMessage("callable cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate((Supplier<ContextManager<?>>) null, action))
        .withMessage("factory cannot be null");
    assertThatNullPointerException()
        .isThrownBy(
            () -> decorate((CheckedCallable<Transaction, DatabaseException>) null, callable))
        .withMessage("factory cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate(() -> (ContextManager<?>) null, action).run())
        .withMessage("the manager returned by factory cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> decorate(() -> (Transaction) null, callable).call())
        .withMessage("the manager returned by factory cannot be null");
  }

  @Test
  void anAction_isABodyThatReturnsNull_andRunCallsItAsTheBlock() throws Exception {
    ContextAction<String, IOException> action =
        value -> {
          log.add("body got " + value);
          throw new IOException("disk full");
        };
    ContextBody<String, @Nullable Void, IOException> body = action;
    assertThatThrownBy(() -> body.apply("x")).isInstanceOf(IOException.class);
    ContextAction<String, RuntimeException> quiet = value -> log.add("quiet got " + value);
    assertThat(((ContextBody<String, @Nullable Void, RuntimeException>) quiet).apply("y")).isNull();

    // run passes the action itself as the with-block: a generator manager's yield runs it (no
    // adapter in between), and what it throws is what the body sees at its yield.
    List<Object> seenByYield = new ArrayList<>();
    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    Contexts.<String>contextManager(
                        y -> {
                          try {
                            y.yield("resource");
                          } catch (Throwable t) {
                            seenByYield.add(t);
                            throw t;
                          }
                        }),
                    action));
    assertThat(thrown).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(seenByYield).containsExactly(thrown);
    assertThat(log).containsExactly("body got x", "quiet got y", "body got resource");

    // The manager calls the action's own apply (an adapter would call accept directly), both the
    // plain path and a generator manager's yield.
    log.clear();
    ContextAction<String, RuntimeException> recorded =
        new ContextAction<>() {
          @Override
          public void accept(String value) {
            log.add("accept " + value);
          }

          @Override
          public @Nullable Void apply(String value) {
            log.add("apply");
            return ContextAction.super.apply(value);
          }
        };
    run(nullContext("plain"), recorded);
    run(Contexts.<String>contextManager(y -> y.yield("generator")), recorded);
    assertThat(log).containsExactly("apply", "accept plain", "apply", "accept generator");
  }
}
