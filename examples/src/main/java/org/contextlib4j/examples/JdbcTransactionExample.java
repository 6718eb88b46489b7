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

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;

/**
 * A JDBC transaction as a context manager, on a real database: H2, embedded in-process and in
 * memory. Python's DB-API connections work the same way:
 *
 * <pre class="language-python">{@code
 * with connection:            # sqlite3: commit on success, roll back on an exception
 *     connection.execute("UPDATE account SET balance = balance + 80 WHERE name = 'alice'")
 * }</pre>
 *
 * <p>The manager is used with {@link Contexts#run}, inside an {@link ExitStack} that also owns the
 * connection, and as a decorator; a generator-style version ({@code @contextmanager}) follows.
 * After each case the table is read through a second connection, so only committed rows show.
 */
final class JdbcTransactionExample {
  private JdbcTransactionExample() {}

  /**
   * A transaction on {@code connection}: enter turns auto-commit off and returns the connection;
   * exit commits if the block succeeded and rolls back if it failed, then restores auto-commit. It
   * never suppresses: the block's exception continues after the rollback.
   */
  static final class Transaction implements ContextManager<Connection> {
    private final Connection connection;
    private final PrintStream out;
    private boolean previousAutoCommit;

    Transaction(Connection connection, PrintStream out) {
      this.connection = connection;
      this.out = out;
    }

    @Override
    public Connection enter() throws SQLException {
      previousAutoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      out.println("begin");
      return connection;
    }

    @Override
    public boolean exit(@Nullable Throwable failure) throws SQLException {
      if (failure == null) {
        connection.commit();
        out.println("commit");
      } else {
        connection.rollback();
        out.println("rollback, because: " + describe(failure));
      }
      // Only after commit or rollback ended the transaction: setAutoCommit(true) would commit one
      // still open. If commit throws, its exception propagates and auto-commit stays off.
      connection.setAutoCommit(previousAutoCommit);
      return false;
    }
  }

  /**
   * The same transaction, generator-style (Python's {@code @contextmanager}): the code before the
   * yield is the enter, the code after it the exit.
   */
  static ContextManager<Connection> transaction(Connection connection, PrintStream out) {
    return Contexts.contextManager(
        y -> {
          boolean previousAutoCommit = connection.getAutoCommit();
          connection.setAutoCommit(false);
          out.println("begin (generator)");
          try {
            y.yield(connection); // the with-block runs here; its exception is thrown here
            connection.commit();
            out.println("commit (generator)");
          } catch (Throwable t) {
            connection.rollback();
            out.println("rollback (generator), because: " + describe(t));
            connection.setAutoCommit(previousAutoCommit);
            throw t; // the block's exception continues, as with the class-based manager
          }
          connection.setAutoCommit(previousAutoCommit);
        });
  }

  static void run(PrintStream out) throws SQLException {
    String url = "jdbc:h2:mem:contextlib4j-demo-" + UUID.randomUUID();
    // An in-memory H2 database lives as long as one connection to it is open: this one, which
    // is also the observer that prints what other connections committed.
    try (Connection observer = DriverManager.getConnection(url);
        Connection connection = DriverManager.getConnection(url)) {
      createSchema(observer);

      out.println("-- (a) Contexts.run: open two accounts");
      Contexts.run(
          new Transaction(connection, out),
          c -> {
            deposit(c, "alice", 100);
            deposit(c, "bob", 50);
          });
      printTable(observer, out);

      out.println("-- (a) Contexts.run: bob pays alice 80, more than he has");
      try {
        Contexts.run(new Transaction(connection, out), c -> transfer(c, "bob", "alice", 80));
      } catch (SQLException e) {
        out.println("caught SQLException, SQLState " + e.getSQLState());
      }
      printTable(observer, out); // alice was credited inside the block; the rollback undid it

      out.println("-- (b) in an ExitStack that also owns a new connection: alice pays carol 30");
      Connection owned =
          Objects.requireNonNull(
              Contexts.with(
                  new ExitStack(),
                  stack -> {
                    Connection c = stack.register(DriverManager.getConnection(url));
                    // Registered after the connection, so it exits first: commit, then close.
                    stack.enterContext(new Transaction(c, out));
                    deposit(c, "carol", 0);
                    transfer(c, "alice", "carol", 30);
                    return c;
                  }));
      out.println("connection closed by the stack: " + owned.isClosed());
      printTable(observer, out);

      out.println("-- (c) as a decorator, a fresh Transaction per call: alice pays bob 60, twice");
      Runnable alicePaysBob =
          Contexts.decorateRunnable(
              () -> new Transaction(connection, out),
              () -> unchecked(() -> transfer(connection, "alice", "bob", 60)));
      alicePaysBob.run();
      printTable(observer, out);
      try {
        alicePaysBob.run();
      } catch (UncheckedSqlException e) {
        out.println("caught " + e.getClass().getSimpleName());
      }
      printTable(observer, out);

      out.println("-- generator-style: open dave's account, then open alice's a second time");
      Contexts.run(transaction(connection, out), c -> deposit(c, "dave", 5));
      printTable(observer, out);
      try {
        Contexts.run(
            transaction(connection, out),
            c -> {
              deposit(c, "erin", 7);
              deposit(c, "alice", 1); // primary key violation
            });
      } catch (SQLException e) {
        out.println("caught SQLException, SQLState " + e.getSQLState());
      }
      printTable(observer, out); // no erin: her row went with the rollback
    }
  }

  static void createSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE account(name VARCHAR(20) PRIMARY KEY, balance INT NOT NULL,"
              + " CONSTRAINT non_negative CHECK (balance >= 0))");
    }
  }

  static void deposit(Connection connection, String name, int amount) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO account(name, balance) VALUES (?, ?)")) {
      insert.setString(1, name);
      insert.setInt(2, amount);
      insert.executeUpdate();
    }
  }

  /** Credits first and debits second, so a debit below zero fails after a write to undo. */
  static void transfer(Connection connection, String from, String to, int amount)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE account SET balance = balance + ? WHERE name = ?")) {
      update.setInt(1, amount);
      update.setString(2, to);
      update.executeUpdate();
      update.setInt(1, -amount);
      update.setString(2, from);
      update.executeUpdate();
    }
  }

  /** The committed rows, by name, as another connection sees them. */
  static Map<String, Integer> balances(Connection connection) throws SQLException {
    Map<String, Integer> rows = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT name, balance FROM account ORDER BY name")) {
      while (result.next()) {
        rows.put(result.getString(1), result.getInt(2));
      }
    }
    return rows;
  }

  private static void printTable(Connection observer, PrintStream out) throws SQLException {
    out.println("table: " + balances(observer));
  }

  /**
   * H2's messages end with the statement and a version tag; the first clause is enough here. (For a
   * check constraint H2 writes {@code "NON_NEGATIVE: "}, with nothing after the colon.)
   */
  static String describe(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    int statement = message.indexOf("; SQL statement");
    String clause = statement < 0 ? message : message.substring(0, statement);
    return clause.replaceFirst(": \"$", "\"");
  }

  /** A JDBC call for a {@link Runnable}, which cannot throw {@link SQLException}. */
  interface SqlAction {
    void run() throws SQLException;
  }

  static void unchecked(SqlAction action) {
    try {
      action.run();
    } catch (SQLException e) {
      throw new UncheckedSqlException(e);
    }
  }

  /** A {@link SQLException} carried through a {@link Runnable}. */
  static final class UncheckedSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSqlException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
