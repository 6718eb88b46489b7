package org.contextlib4j.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.contextlib4j.conformance.ScenarioExceptions.Cls;

/**
 * A parsed scenario (SPEC section 2): its id and its program as typed statements.
 *
 * <p>{@link #parse} checks the whole program before anything runs, so that a malformed or
 * unsupported statement never surfaces as an exception in the middle of a scenario (where a {@code
 * try} statement could catch it).
 *
 * @param id the scenario id
 * @param program the statements of the program, top to bottom
 */
record Scenario(String id, List<Stmt> program) {

  /** The error text for scenarios this runner does not run yet (async scenarios). */
  static final String UNSUPPORTED = "unsupported";

  /**
   * Parses a scenario object.
   *
   * @throws InvalidScenarioException with message {@link #UNSUPPORTED} if it is async, or with a
   *     description if it is malformed
   */
  static Scenario parse(Map<?, ?> json) {
    String id = string(json, "id");
    String kind = string(json, "kind");
    if (kind.equals("async")) {
      throw new InvalidScenarioException(UNSUPPORTED);
    }
    if (!kind.equals("sync")) {
      throw malformed("unknown kind \"" + kind + "\"");
    }
    return new Scenario(id, body(json, "program"));
  }

  /** A statement of the scenario language (SPEC section 2.2, sync part). */
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

  /**
   * A class-based manager: {@code enter} logs and may raise, {@code exit} logs and does EXIT.
   *
   * @param id the manager's id
   * @param cls the class of what it raises
   * @param enterRaises whether {@code enter} raises {@code cls(id)}
   * @param onExit what the exit does
   */
  record Handler(String id, Cls cls, boolean enterRaises, Exit onExit) implements Cm {}

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
   */
  record Gen(
      String id,
      Cls cls,
      boolean beforeRaises,
      int yields,
      OnThrow onThrow,
      boolean logsFinally,
      boolean afterRaises)
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

  private static List<Stmt> body(Map<?, ?> json, String key) {
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

  private static Stmt statement(Map<?, ?> s) {
    String op = string(s, "op");
    return switch (op) {
      case "with_stack" -> new WithStack(string(s, "name"), body(s, "body"));
      case "enter" -> new Enter(string(s, "stack"), handler(s));
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
      case "enter_async", "push_async_exit", "push_async_callback" ->
          throw new InvalidScenarioException(UNSUPPORTED);
      default -> throw malformed("unknown op \"" + op + "\"");
    };
  }

  private static Stmt decorated(Map<?, ?> s) {
    if (!(s.get("cm") instanceof Map<?, ?> cm)) {
      throw malformed("\"cm\" must be an object");
    }
    String type = string(cm, "type");
    Cm manager =
        switch (type) {
          case "exit" -> handler(cm);
          case "gen" -> gen(cm);
          default -> throw malformed("unknown cm type \"" + type + "\"");
        };
    if (!(s.get("repeat") instanceof Long repeat) || repeat < 1 || repeat > 2) {
      throw malformed("\"repeat\" must be 1 or 2");
    }
    return new Decorated(manager, repeat.intValue(), body(s, "body"));
  }

  /** {@return the GEN of {@code s}: its {@code id} and {@code cls}, and the fields of "gen"} */
  private static Gen gen(Map<?, ?> s) {
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
        okOrRaise(gen, "after"));
  }

  private static Handler handler(Map<?, ?> s) {
    return new Handler(string(s, "id"), cls(s), okOrRaise(s, "on_enter"), exit(s));
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

  /** A scenario that is malformed or that this runner does not support. */
  static final class InvalidScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidScenarioException(String message) {
      super(message);
    }
  }
}
