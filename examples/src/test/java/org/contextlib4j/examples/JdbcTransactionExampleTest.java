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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.contextlib4j.examples.JdbcTransactionExample.balances;
import static org.contextlib4j.examples.JdbcTransactionExample.deposit;
import static org.contextlib4j.examples.JdbcTransactionExample.transfer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.contextlib4j.examples.JdbcTransactionExample.Transaction;
import org.contextlib4j.examples.JdbcTransactionExample.UncheckedSqlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTransactionExampleTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, UTF_8);
  private final String url = "jdbc:h2:mem:test-" + UUID.randomUUID();
  private Connection observer;
  private Connection connection;

  @BeforeEach
  void openDatabase() throws SQLException {
    observer = DriverManager.getConnection(url); // auto-commit: sees committed rows only
    connection = DriverManager.getConnection(url);
    JdbcTransactionExample.createSchema(observer);
    deposit(observer, "alice", 100);
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    connection.close();
    observer.close(); // the last connection: the in-memory database goes with it
  }

  @Test
  void commitsWhenTheBlockSucceeds_andHidesWritesUntilThen() throws SQLException {
    Contexts.run(
        new Transaction(connection, out),
        c -> {
          assertThat(c).isSameAs(connection);
          assertThat(c.getAutoCommit()).isFalse();
          deposit(c, "bob", 50);
          assertThat(balances(observer)).containsExactly(entry("alice", 100));
        });

    assertThat(balances(observer)).containsExactly(entry("alice", 100), entry("bob", 50));
    assertThat(connection.getAutoCommit()).isTrue();
    assertThat(bytes.toString(UTF_8).lines()).containsExactly("begin", "commit");
  }

  @Test
  void rollsBackAndRethrowsTheSameException_whenTheBlockThrows() throws SQLException {
    IllegalStateException failure = new IllegalStateException("validation failed");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    new Transaction(connection, out),
                    c -> {
                      deposit(c, "mallory", 1);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(balances(connection)).containsExactly(entry("alice", 100));
    assertThat(connection.getAutoCommit()).isTrue();
    assertThat(bytes.toString(UTF_8).lines())
        .containsExactly("begin", "rollback, because: validation failed");
  }

  @Test
  void undoesAnEarlierWrite_whenTheDatabaseRejectsALaterOne() throws SQLException {
    deposit(observer, "bob", 50);

    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () ->
                Contexts.run(
                    new Transaction(connection, out),
                    c -> transfer(c, "bob", "alice", 80))); // credits alice, then bob < 0

    assertThat(e.getSQLState()).isEqualTo("23513"); // check constraint violation
    assertThat(balances(observer)).containsExactly(entry("alice", 100), entry("bob", 50));
  }

  @Test
  void commitsBeforeClosing_whenAnExitStackOwnsTheConnection() throws SQLException {
    Connection owned =
        Contexts.with(
            new ExitStack(),
            stack -> {
              Connection c = stack.register(DriverManager.getConnection(url));
              stack.enterContext(new Transaction(c, out));
              deposit(c, "carol", 30);
              return c;
            });

    assertThat(owned).isNotNull();
    assertThat(owned.isClosed()).isTrue();
    // Had the connection closed first, H2 would have rolled the open transaction back.
    assertThat(balances(observer)).containsExactly(entry("alice", 100), entry("carol", 30));
  }

  @Test
  void decoratorRunsEachCallInAFreshTransaction() throws SQLException {
    AtomicInteger transactions = new AtomicInteger();
    Runnable alicePaysBob =
        Contexts.decorateRunnable(
            () -> {
              transactions.incrementAndGet();
              return new Transaction(connection, out);
            },
            () ->
                JdbcTransactionExample.unchecked(
                    () -> {
                      deposit(connection, "bob-" + transactions.get(), 0);
                      transfer(connection, "alice", "bob-" + transactions.get(), 60);
                    }));

    alicePaysBob.run();
    UncheckedSqlException e = catchThrowableOfType(UncheckedSqlException.class, alicePaysBob::run);

    assertThat(transactions).hasValue(2);
    assertThat(e.getCause()).isInstanceOf(SQLException.class);
    assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("23513");
    assertThat(balances(observer)).containsExactly(entry("alice", 40), entry("bob-1", 60));
  }

  @Test
  void generatorStyleCommitsOnSuccess_andRollsBackOnFailure() throws SQLException {
    Contexts.run(JdbcTransactionExample.transaction(connection, out), c -> deposit(c, "dave", 5));
    SQLException duplicate =
        catchThrowableOfType(
            SQLException.class,
            () ->
                Contexts.run(
                    JdbcTransactionExample.transaction(connection, out),
                    c -> {
                      deposit(c, "erin", 7);
                      deposit(c, "alice", 1);
                    }));

    assertThat(duplicate.getSQLState()).isEqualTo("23505"); // unique or primary key violation
    assertThat(duplicate.getSuppressed()).isEmpty();
    assertThat(balances(observer)).containsExactly(entry("alice", 100), entry("dave", 5));
    assertThat(connection.getAutoCommit()).isTrue();
  }

  @Test
  void demoPrintsTheTableAfterEachCase() throws SQLException {
    JdbcTransactionExample.run(out);

    assertThat(bytes.toString(UTF_8).lines().filter(line -> line.startsWith("table: ")))
        .containsExactly(
            "table: {alice=100, bob=50}",
            "table: {alice=100, bob=50}",
            "table: {alice=70, bob=50, carol=30}",
            "table: {alice=10, bob=110, carol=30}",
            "table: {alice=10, bob=110, carol=30}",
            "table: {alice=10, bob=110, carol=30, dave=5}",
            "table: {alice=10, bob=110, carol=30, dave=5}");
  }
}
