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
import static org.contextlib4j.Contexts.run;
import static org.contextlib4j.Contexts.suppress;
import static org.contextlib4j.Contexts.with;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Checked exceptions a caller can catch by their type (issue 13): a {@link CheckedContextManager}
 * declares what its enter and exit throw, and {@code with}/{@code run} declare it. Most of these
 * tests are about compiling: each {@code catch (DatabaseException e)} below compiles only because
 * the call declares {@code DatabaseException}; each call without a {@code catch} compiles only
 * because nothing checked is declared.
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

  private int count(String connection) throws IOException {
    log.add("count " + connection);
    return 3;
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
}
