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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.contextlib4j.conformance.ScenarioExceptions.Cls;

/**
 * A parsed scenario (SPEC section 2): its id, its kind and its program as typed statements.
 *
 * <p>{@link #parse} checks the whole program before anything runs, so that a malformed statement
 * never surfaces as an exception in the middle of a scenario (where a {@code try} statement could
 * catch it). It also checks where {@code timing} appears (SPEC section 2.6): exactly on {@code
 * enter_async}, {@code push_async_exit}, {@code push_async_callback}, {@code enter_gen} and a
 * {@code decorated} statement's {@code cm} in async scenarios, nowhere else; the async-only ops
 * appear only in async scenarios.
 *
 * @param id the scenario id
 * @param async whether it is an async scenario ({@code "kind":"async"})
 * @param program the statements of the program, top to bottom
 */
record Scenario(String id, boolean async, List<Stmt> program) {

  /**
   * Parses a scenario object.
   *
   * @throws InvalidScenarioException with a description if it is malformed
   */
  static Scenario parse(Map<?, ?> json) {
    String id = string(json, "id");
    String kind = string(json, "kind");
    boolean async =
        switch (kind) {
          case "sync" -> false;
          case "async" -> true;
          default -> throw malformed("unknown kind \"" + kind + "\"");
        };
    return new Scenario(id, async, new Parser(async).body(json, "program"));
  }

  /** A statement of the scenario language (SPEC section 2.2). */
  sealed interface Stmt {}

  record WithStack(String name, List<Stmt> body) implements Stmt {}

  record Enter(String stack, Handler cm) implements Stmt {}

  record Push(String stack, String id, Cls cls, Exit onExit) implements Stmt {}

  record Callback(String stack, String id, Cls cls, boolean raises) implements Stmt {}

  record Register(String stack, String id, Cls cls, boolean raises) implements Stmt {}

  record Close(String stack) implements Stmt {}

  record PopAll(String stack, String into) implements Stmt {}

  record Raise(String id, Cls cls) implements Stmt {}

  record Try(String id, List<Stmt> body) implements Stmt {}

  record Suppress(List<Cls> types, List<Stmt> body) implements Stmt {}

  record EnterGen(String stack, Gen gen) implements Stmt {}

  record Decorated(Cm cm, int repeat, List<Stmt> body) implements Stmt {}

  record NullContext(List<Stmt> body) implements Stmt {}

  /** {@code enter_async}: {@code cm.later()} is its timing. */
  record EnterAsync(String stack, Handler cm) implements Stmt {}

  record PushAsyncExit(String stack, String id, Cls cls, Exit onExit, boolean later)
      implements Stmt {}

  record PushAsyncCallback(String stack, String id, Cls cls, boolean raises, boolean later)
      implements Stmt {}

  /**
   * A class-based manager: {@code enter} logs and may raise, {@code exit} logs and does EXIT.
   *
   * @param id the manager's id
   * @param cls the class of what it raises
   * @param enterRaises whether {@code enter} raises {@code cls(id)}
   * @param onExit what the exit does
   * @param later whether its async enter and exit act on another thread ({@code "timing":"later"});
   *     false for a synchronous manager
   */
  record Handler(String id, Cls cls, boolean enterRaises, Exit onExit, boolean later)
      implements Cm {}

  /** The manager of a {@code decorated} statement: class-based or generator-style. */
  sealed interface Cm {}

  /**
   * A generator-style manager (GEN, SPEC section 2.4).
   *
   * @param id the manager's id
   * @param cls the class of what it raises
   * @param beforeRaises whether it raises {@code cls(id-b)} before yielding
   * @param yields how many times it yields: 0, 1 or 2
   * @param onThrow what it does with an exception thrown in at its first yield
   * @param logsFinally whether its finally clause logs
   * @param afterRaises whether it raises {@code cls(id-a)} at its end (normal path only)
   * @param later whether the async form pauses on another thread before {@code start} and before
   *     each {@code resumed} line ({@code "timing":"later"}); false for a synchronous generator
   */
  record Gen(
      String id,
      Cls cls,
      boolean beforeRaises,
      int yields,
      OnThrow onThrow,
      boolean logsFinally,
      boolean afterRaises,
      boolean later)
      implements Cm {}

  /** GEN's {@code on_throw} (SPEC section 2.4). */
  enum OnThrow {
    PROPAGATE,
    SWALLOW,
    RAISE_NEW,
    RERAISE
  }

  /** EXIT (SPEC section 2.3). */
  enum Exit {
    PASS,
    SUPPRESS,
    RAISE_NEW,
    RAISE_NEW_FROM,
    RERAISE
  }

  // --- parsing ----------------------------------------------------------------------------------

  /** Parses the statements of one scenario; {@code async} decides where timing belongs. */
  private record Parser(boolean async) {

    List<Stmt> body(Map<?, ?> json, String key) {
      if (!(json.get(key) instanceof List<?> list)) {
        throw malformed("\"" + key + "\" must be a list");
      }
      List<Stmt> out = new ArrayList<>(list.size());
      for (Object element : list) {
        if (!(element instanceof Map<?, ?> stmt)) {
          throw malformed("a statement must be an object");
        }
        out.add(statement(stmt));
      }
      return List.copyOf(out);
    }

    private Stmt statement(Map<?, ?> s) {
      String op = string(s, "op");
      if (!async && (op.equals("enter_async") || op.startsWith("push_async_"))) {
        throw malformed("\"" + op + "\" in a sync scenario");
      }
      return switch (op) {
        case "with_stack" -> new WithStack(string(s, "name"), body(s, "body"));
        case "enter" -> new Enter(string(s, "stack"), handler(s, false));
        case "push" -> new Push(string(s, "stack"), string(s, "id"), cls(s), exit(s));
        case "callback" ->
            new Callback(string(s, "stack"), string(s, "id"), cls(s), okOrRaise(s, "on_call"));
        case "register" ->
            new Register(string(s, "stack"), string(s, "id"), cls(s), okOrRaise(s, "on_close"));
        case "close" -> new Close(string(s, "stack"));
        case "pop_all" -> new PopAll(string(s, "stack"), string(s, "into"));
        case "raise" -> new Raise(string(s, "id"), cls(s));
        case "try" -> new Try(string(s, "id"), body(s, "body"));
        case "suppress" -> new Suppress(types(s), body(s, "body"));
        case "decorated" -> decorated(s);
        case "nullcontext" -> new NullContext(body(s, "body"));
        case "enter_gen" -> new EnterGen(string(s, "stack"), gen(s));
        case "enter_async" -> new EnterAsync(string(s, "stack"), handler(s, true));
        case "push_async_exit" ->
            new PushAsyncExit(
                string(s, "stack"), string(s, "id"), cls(s), exit(s), timing(s, true));
        case "push_async_callback" ->
            new PushAsyncCallback(
                string(s, "stack"),
                string(s, "id"),
                cls(s),
                okOrRaise(s, "on_call"),
                timing(s, true));
        default -> throw malformed("unknown op \"" + op + "\"");
      };
    }

    private Stmt decorated(Map<?, ?> s) {
      if (!(s.get("cm") instanceof Map<?, ?> cm)) {
        throw malformed("\"cm\" must be an object");
      }
      String type = string(cm, "type");
      Cm manager =
          switch (type) {
            case "exit" -> handler(cm, async);
            case "gen" -> gen(cm);
            default -> throw malformed("unknown cm type \"" + type + "\"");
          };
      if (!(s.get("repeat") instanceof Long repeat) || repeat < 1 || repeat > 2) {
        throw malformed("\"repeat\" must be 1 or 2");
      }
      return new Decorated(manager, repeat.intValue(), body(s, "body"));
    }

    /** {@return the GEN of {@code s}: its {@code id}, {@code cls}, timing and "gen" fields} */
    private Gen gen(Map<?, ?> s) {
      if (!(s.get("gen") instanceof Map<?, ?> gen)) {
        throw malformed("\"gen\" must be an object");
      }
      if (!(gen.get("yields") instanceof Long yields) || yields < 0 || yields > 2) {
        throw malformed("\"yields\" must be 0, 1 or 2");
      }
      if (!(gen.get("finally") instanceof Boolean logsFinally)) {
        throw malformed("\"finally\" must be true or false");
      }
      String onThrow = string(gen, "on_throw");
      return new Gen(
          string(s, "id"),
          cls(s),
          okOrRaise(gen, "before"),
          yields.intValue(),
          switch (onThrow) {
            case "propagate" -> OnThrow.PROPAGATE;
            case "swallow" -> OnThrow.SWALLOW;
            case "raise_new" -> OnThrow.RAISE_NEW;
            case "reraise" -> OnThrow.RERAISE;
            default -> throw malformed("unknown on_throw \"" + onThrow + "\"");
          },
          logsFinally,
          okOrRaise(gen, "after"),
          timing(s, async));
    }

    private static Handler handler(Map<?, ?> s, boolean timed) {
      return new Handler(
          string(s, "id"), cls(s), okOrRaise(s, "on_enter"), exit(s), timing(s, timed));
    }

    /**
     * {@return whether {@code s} has {@code "timing":"later"}} The field must be present exactly
     * when {@code required}.
     */
    private static boolean timing(Map<?, ?> s, boolean required) {
      if (!required) {
        if (s.containsKey("timing")) {
          throw malformed("unexpected \"timing\"");
        }
        return false;
      }
      String value = string(s, "timing");
      return switch (value) {
        case "now" -> false;
        case "later" -> true;
        default -> throw malformed("\"timing\" must be now or later, not \"" + value + "\"");
      };
    }
  }

  private static List<Cls> types(Map<?, ?> s) {
    if (!(s.get("types") instanceof List<?> list) || list.isEmpty()) {
      throw malformed("\"types\" must be a non-empty list");
    }
    List<Cls> out = new ArrayList<>();
    for (Object name : list) {
      if (!(name instanceof String n)) {
        throw malformed("\"types\" must hold class names");
      }
      out.add(cls(n));
    }
    return List.copyOf(out);
  }

  private static Cls cls(Map<?, ?> s) {
    return cls(string(s, "cls"));
  }

  private static Cls cls(String name) {
    try {
      return Cls.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw malformed("unknown exception class \"" + name + "\"");
    }
  }

  private static Exit exit(Map<?, ?> s) {
    String value = string(s, "on_exit");
    return switch (value) {
      case "pass" -> Exit.PASS;
      case "suppress" -> Exit.SUPPRESS;
      case "raise_new" -> Exit.RAISE_NEW;
      case "raise_new_from" -> Exit.RAISE_NEW_FROM;
      case "reraise" -> Exit.RERAISE;
      default -> throw malformed("unknown on_exit \"" + value + "\"");
    };
  }

  private static boolean okOrRaise(Map<?, ?> s, String key) {
    String value = string(s, key);
    return switch (value) {
      case "ok" -> false;
      case "raise" -> true;
      default -> throw malformed("\"" + key + "\" must be ok or raise, not \"" + value + "\"");
    };
  }

  private static String string(Map<?, ?> s, String key) {
    if (!(s.get(key) instanceof String value)) {
      throw malformed("missing string field \"" + key + "\"");
    }
    return value;
  }

  private static InvalidScenarioException malformed(String message) {
    return new InvalidScenarioException("malformed scenario: " + message);
  }

  /** A malformed scenario. */
  static final class InvalidScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidScenarioException(String message) {
      super(message);
    }
  }
}
