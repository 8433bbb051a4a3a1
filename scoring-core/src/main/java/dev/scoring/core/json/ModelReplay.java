package dev.scoring.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoring.api.ModelException;
import dev.scoring.core.Aggregate;
import dev.scoring.core.Condition;
import dev.scoring.core.Criteria;
import dev.scoring.core.Decay;
import dev.scoring.core.EventMatch;
import dev.scoring.core.ScoringTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Replays a model tree (SPEC section 7) onto {@link ScoringTable#builder(String)}, so a file
 * goes through the same validation as Java code. This class checks only what the builder
 * cannot see: the shape of the document (known fields, types, one operator per condition,
 * one kind per negative rule, the rule count); every value is checked by the builder and
 * the condition, match and decay constructors, whose messages are prefixed with the JSON
 * path of the rule.
 *
 * <p>Stateless apart from the limits; thread-safe.
 */
final class ModelReplay {
  private static final List<String> ROOT = List.of("name", "version", "scale", "decay", "caps",
      "demographic", "behavioral", "negative", "tiers", "baseTier");
  private static final List<String> OPERATORS =
      List.of("equals", "in", "between", "atLeast", "below", "present");
  private static final List<String> CONDITION = List.of("attribute", "equals", "in", "between",
      "atLeast", "below", "present", "ignoreCase");
  private static final List<String> ATTRIBUTE_RULE = List.of("id", "attribute", "equals", "in",
      "between", "atLeast", "below", "present", "ignoreCase", "and", "points");
  private static final List<String> EVENT_RULE = List.of("id", "event", "withinDays",
      "maxOccurrences", "minValue", "decays", "points");
  private static final List<String> INACTIVITY_RULE = List.of("id", "inactiveDays", "points");
  private static final List<String> AGGREGATE_RULE = List.of("id", "aggregate", "events", "per",
      "withinDays", "minValue", "minCount", "atLeast", "below", "between", "equals", "points");
  private static final List<String> AGGREGATE_OPERATORS =
      List.of("atLeast", "below", "between", "equals");

  private final JsonLimits limits;

  ModelReplay(JsonLimits limits) {
    this.limits = limits;
  }

  ScoringTable replay(ObjectNode root) {
    Obj model = new Obj(root, "", "the model", ROOT);
    ScoringTable.Builder b = ScoringTable.builder(model.requiredString("name"));
    if (model.has("version")) {
      b.version(model.string("version"));
    }
    if (model.has("scale")) {
      Obj scale = model.object("scale", "the scale", List.of("min", "max"));
      double min = scale.has("min") ? scale.number("min") : 0;
      double max = scale.has("max") ? scale.number("max") : 100;
      b.scale(min, max);
    }
    if (model.has("decay")) {
      b.decay(decay(model.object("decay", "a decay", List.of("type", "days", "steps"))));
    }
    if (model.has("caps")) {
      Obj caps = model.object("caps", "the caps", List.of("demographic", "behavioral"));
      if (caps.has("demographic")) {
        b.demographicCap(caps.number("demographic"));
      }
      if (caps.has("behavioral")) {
        b.behavioralCap(caps.number("behavioral"));
      }
    }
    List<JsonNode> demographic = model.list("demographic");
    List<JsonNode> behavioral = model.list("behavioral");
    List<JsonNode> negative = model.list("negative");
    long rules = (long) demographic.size() + behavioral.size() + negative.size();
    if (rules > limits.maxRules()) {
      throw new ModelException("", "model must have at most " + limits.maxRules()
          + " rules, but had " + rules);
    }
    for (int i = 0; i < demographic.size(); i++) {
      String path = JsonSupport.index("demographic", i);
      Obj rule = new Obj(demographic.get(i), path, "a demographic rule", ATTRIBUTE_RULE);
      b.demographic(rule.requiredString("id"), criteria(rule), rule.requiredNumber("points"));
    }
    for (int i = 0; i < behavioral.size(); i++) {
      String path = JsonSupport.index("behavioral", i);
      if (isAggregate(behavioral.get(i), path, "event")) {
        Obj rule = new Obj(behavioral.get(i), path, "an aggregate rule", AGGREGATE_RULE);
        b.behavioral(rule.requiredString("id"), aggregate(rule), rule.requiredNumber("points"));
        continue;
      }
      Obj rule = new Obj(behavioral.get(i), path, "a behavioral rule", EVENT_RULE);
      b.behavioral(rule.requiredString("id"), match(rule), rule.requiredNumber("points"));
    }
    for (int i = 0; i < negative.size(); i++) {
      negative(b, negative.get(i), JsonSupport.index("negative", i));
    }
    List<JsonNode> tiers = model.list("tiers");
    if (tiers.size() > limits.maxTiers()) {
      throw new ModelException("tiers", "tiers must be a list of at most " + limits.maxTiers()
          + " tiers, but had " + tiers.size());
    }
    for (int i = 0; i < tiers.size(); i++) {
      Obj tier = new Obj(tiers.get(i), JsonSupport.index("tiers", i), "a tier",
          List.of("name", "atLeast"));
      b.tier(tier.requiredString("name"), tier.requiredNumber("atLeast"));
    }
    if (model.has("baseTier")) {
      b.baseTier(model.string("baseTier"));
    }
    return b.build();
  }

  private void negative(ScoringTable.Builder b, JsonNode node, String path) {
    Obj probe = new Obj(node, path, "a negative rule", null);
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("attribute", "event", "inactiveDays", "aggregate")) {
      if (probe.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      throw new ModelException(path, path
          + " must have exactly one of attribute, event, inactiveDays or aggregate, but had "
          + (kinds.isEmpty() ? "none of them" : and(kinds)));
    }
    switch (kinds.get(0)) {
      case "attribute" -> {
        Obj rule = new Obj(node, path, "a negative attribute rule", ATTRIBUTE_RULE);
        b.negative(rule.requiredString("id"), criteria(rule), rule.requiredNumber("points"));
      }
      case "event" -> {
        Obj rule = new Obj(node, path, "a negative event rule", EVENT_RULE);
        b.negative(rule.requiredString("id"), match(rule), rule.requiredNumber("points"));
      }
      case "aggregate" -> {
        Obj rule = new Obj(node, path, "an aggregate rule", AGGREGATE_RULE);
        b.negative(rule.requiredString("id"), aggregate(rule), rule.requiredNumber("points"));
      }
      default -> {
        Obj rule = new Obj(node, path, "an inactivity rule", INACTIVITY_RULE);
        String id = rule.requiredString("id");
        int days = rule.requiredInt("inactiveDays");
        b.inactivity(id, days, rule.requiredNumber("points"));
      }
    }
  }

  // ---- aggregate rules (SPEC section 9)

  /**
   * Whether a behavioral rule is an aggregate rule; a rule with both {@code aggregate} and
   * {@code event} is ambiguous.
   */
  private static boolean isAggregate(JsonNode node, String path, String other) {
    Obj probe = new Obj(node, path, "a behavioral rule", null);
    if (probe.has("aggregate") && probe.has(other)) {
      throw new ModelException(path, path + " must have exactly one of " + other
          + " or aggregate, but had " + other + " and aggregate");
    }
    return probe.has("aggregate");
  }

  private static Aggregate aggregate(Obj rule) {
    String name = rule.requiredString("aggregate");
    Aggregate.Function function = rethrow(rule.path, () -> Aggregate.Function.fromJson(name));
    rule.required("events");
    List<String> events = types(rule, "events");
    List<String> per = rule.has("per") ? types(rule, "per") : List.of();
    java.util.OptionalInt within = rule.has("withinDays")
        ? java.util.OptionalInt.of(rule.integer("withinDays")) : java.util.OptionalInt.empty();
    java.util.OptionalDouble min = rule.has("minValue")
        ? java.util.OptionalDouble.of(rule.number("minValue"))
        : java.util.OptionalDouble.empty();
    int minCount = rule.has("minCount") ? rule.integer("minCount") : 1;
    if (rule.has("minCount") && function != Aggregate.Function.RATE) {
      throw new ModelException(rule.path("minCount"), rule.path("minCount")
          + " must be absent for aggregate " + name + " (it is for rate only), but was "
          + JsonSupport.describe(rule.node.get("minCount")));
    }
    Aggregate.Measure measure = rethrow(rule.path,
        () -> new Aggregate.Measure(function, events, per, within, min, minCount));
    List<String> ops = new ArrayList<>();
    for (String op : AGGREGATE_OPERATORS) {
      if (rule.has(op)) {
        ops.add(op);
      }
    }
    if (ops.size() != 1) {
      throw new ModelException(rule.path, rule.path + " must have exactly one operator ("
          + String.join(", ", AGGREGATE_OPERATORS) + "), but had "
          + (ops.isEmpty() ? "none" : and(ops)));
    }
    String op = ops.get(0);
    double lo;
    double hi;
    Aggregate.Operator operator;
    if (op.equals("between")) {
      JsonNode range = rule.node.get("between");
      if (!range.isArray() || range.size() != 2) {
        throw rule.wrongType("between", "a list of two numbers [lo, hi]");
      }
      lo = number(range.get(0), JsonSupport.index(rule.path("between"), 0));
      hi = number(range.get(1), JsonSupport.index(rule.path("between"), 1));
      operator = Aggregate.Operator.BETWEEN;
    } else {
      lo = rule.number(op);
      hi = lo;
      operator = switch (op) {
        case "atLeast" -> Aggregate.Operator.AT_LEAST;
        case "below" -> Aggregate.Operator.BELOW;
        default -> Aggregate.Operator.EQUALS;
      };
    }
    return rethrow(rule.path, () -> new Aggregate(measure, operator, lo, hi));
  }

  /** A list of event type strings (emptiness and repeats are checked by the measure). */
  private static List<String> types(Obj rule, String field) {
    List<JsonNode> nodes = rule.list(field);
    List<String> types = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode t = nodes.get(i);
      if (!t.isTextual()) {
        String p = JsonSupport.index(rule.path(field), i);
        throw new ModelException(p, p + " must be a string, but was " + JsonSupport.describe(t));
      }
      types.add(t.textValue());
    }
    return types;
  }

  private Criteria criteria(Obj rule) {
    Condition first = condition(rule);
    if (!rule.has("and")) {
      return first;
    }
    List<JsonNode> more = rule.list("and");
    if (more.isEmpty()) {
      throw new ModelException(rule.path("and"),
          rule.path("and") + " must be a non-empty list of conditions, but was []");
    }
    if (more.size() + 1L > limits.maxConditionsPerRule()) {
      throw new ModelException(rule.path, rule.path + " must have at most "
          + limits.maxConditionsPerRule() + " conditions, but had " + (more.size() + 1L));
    }
    List<Condition> all = new ArrayList<>(more.size() + 1);
    all.add(first);
    for (int i = 0; i < more.size(); i++) {
      all.add(condition(new Obj(more.get(i), JsonSupport.index(rule.path("and"), i),
          "a condition", CONDITION)));
    }
    return new Criteria.AllOf(all);
  }

  private static Condition condition(Obj c) {
    String attribute = c.requiredString("attribute");
    List<String> ops = new ArrayList<>();
    for (String op : OPERATORS) {
      if (c.has(op)) {
        ops.add(op);
      }
    }
    if (ops.size() != 1) {
      throw new ModelException(c.path, c.path + " must have exactly one operator ("
          + String.join(", ", OPERATORS) + "), but had " + (ops.isEmpty() ? "none" : and(ops)));
    }
    String op = ops.get(0);
    boolean ignoreCase = c.has("ignoreCase") && c.bool("ignoreCase");
    List<Object> operands = new ArrayList<>();
    Condition.Operator operator;
    switch (op) {
      case "equals" -> {
        operator = Condition.Operator.EQUALS;
        operands.add(c.scalar("equals"));
      }
      case "in" -> {
        operator = Condition.Operator.IN;
        List<JsonNode> values = c.list("in");
        for (int i = 0; i < values.size(); i++) {
          operands.add(scalar(values.get(i), JsonSupport.index(c.path("in"), i)));
        }
      }
      case "between" -> {
        operator = Condition.Operator.BETWEEN;
        JsonNode range = c.node.get("between");
        if (!range.isArray() || range.size() != 2) {
          throw c.wrongType("between", "a list of two numbers [lo, hi]");
        }
        operands.add(number(range.get(0), JsonSupport.index(c.path("between"), 0)));
        operands.add(number(range.get(1), JsonSupport.index(c.path("between"), 1)));
      }
      case "atLeast" -> {
        operator = Condition.Operator.AT_LEAST;
        operands.add(c.number("atLeast"));
      }
      case "below" -> {
        operator = Condition.Operator.BELOW;
        operands.add(c.number("below"));
      }
      default -> {
        operator = Condition.Operator.PRESENT;
        operands.add(c.bool("present"));
      }
    }
    return rethrow(c.path, () -> new Condition(attribute, operator, operands, ignoreCase));
  }

  private static EventMatch match(Obj rule) {
    String event = rule.requiredString("event");
    EventMatch m = rethrow(rule.path, () -> EventMatch.on(event));
    if (rule.has("withinDays")) {
      int days = rule.integer("withinDays");
      m = rethrow(rule.path, m, x -> x.withinDays(days));
    }
    if (rule.has("maxOccurrences")) {
      int count = rule.integer("maxOccurrences");
      m = rethrow(rule.path, m, x -> x.maxOccurrences(count));
    }
    if (rule.has("minValue")) {
      double min = rule.number("minValue");
      m = rethrow(rule.path, m, x -> x.minValue(min));
    }
    if (rule.has("decays")) {
      boolean decays = rule.bool("decays");
      m = m.decays(decays);
    }
    return m;
  }

  private Decay decay(Obj d) {
    JsonNode typeNode = d.required("type");
    String type = d.string("type");
    switch (type) {
      case "none" -> {
        d.only("a decay of type none", List.of("type"));
        return Decay.none();
      }
      case "halfLife", "linear" -> {
        d.only("a decay of type " + type, List.of("type", "days"));
        double days = d.requiredNumber("days");
        return rethrow("decay", () -> type.equals("linear") ? Decay.linear(days)
            : Decay.halfLife(days));
      }
      case "steps" -> {
        d.only("a decay of type steps", List.of("type", "steps"));
        d.required("steps");
        List<JsonNode> nodes = d.list("steps");
        if (nodes.size() > limits.maxDecaySteps()) {
          throw new ModelException("decay.steps", "decay.steps must be a list of at most "
              + limits.maxDecaySteps() + " steps, but had " + nodes.size());
        }
        List<Decay.Step> steps = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
          Obj s = new Obj(nodes.get(i), JsonSupport.index("decay.steps", i), "a decay step",
              List.of("belowDays", "factor"));
          double below = s.requiredNumber("belowDays");
          double factor = s.requiredNumber("factor");
          steps.add(rethrow(s.path, () -> Decay.step(below, factor)));
        }
        return rethrow("decay", () -> Decay.steps(steps));
      }
      default -> throw new ModelException("decay.type", "decay.type must be one of none, "
          + "halfLife, linear, steps, but was " + JsonSupport.describe(typeNode));
    }
  }

  private static Object scalar(JsonNode v, String path) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : (Object) v.doubleValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    throw new ModelException(path, path + " must be a string, a number or a boolean, but was "
        + JsonSupport.describe(v));
  }

  private static double number(JsonNode v, String path) {
    if (!v.isNumber()) {
      throw new ModelException(path, path + " must be a number, but was "
          + JsonSupport.describe(v));
    }
    return v.doubleValue();
  }

  private static String and(List<String> names) {
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and "
            + names.get(names.size() - 1);
  }

  /**
   * Runs a constructor, turning its {@link IllegalArgumentException} (whose message starts
   * with a field name relative to {@code base}, or with an absolute path under it) into a
   * {@link ModelException} with the full path.
   */
  private static <T> T rethrow(String base, Supplier<T> make) {
    try {
      return make.get();
    } catch (ModelException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      String full = m.startsWith(base + ".") || m.startsWith(base + "[")
          || m.startsWith(base + " ") ? m : base + "." + m;
      int cut = full.indexOf(" must ");
      throw new ModelException(cut < 0 ? base : full.substring(0, cut), full, e);
    }
  }

  private static <T> T rethrow(String base, T value, java.util.function.UnaryOperator<T> f) {
    return rethrow(base, () -> f.apply(value));
  }

  /** An object of the model with its path, checked against the fields it may have. */
  private static final class Obj {
    final ObjectNode node;
    final String path;

    Obj(JsonNode node, String path, String what, List<String> known) {
      if (!node.isObject()) {
        throw new ModelException(path, JsonSupport.where(path, "model")
            + " must be a JSON object, but was " + JsonSupport.describe(node));
      }
      this.node = (ObjectNode) node;
      this.path = path;
      if (known != null) {
        only(what, known);
      }
    }

    void only(String what, List<String> known) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!known.contains(name)) {
          String hint = suggest(name, known);
          throw new ModelException(path(name), path(name) + " must be a field of " + what + " ("
              + String.join(", ", known) + "), but was unknown"
              + (hint == null ? "" : " (did you mean " + hint + "?)"));
        }
      }
    }

    String path(String field) {
      return JsonSupport.field(path, field);
    }

    boolean has(String field) {
      return node.has(field);
    }

    JsonNode required(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw new ModelException(path(field), path(field) + " must be present, but was missing");
      }
      return v;
    }

    ModelException wrongType(String field, String type) {
      return new ModelException(path(field), path(field) + " must be " + type + ", but was "
          + JsonSupport.describe(node.get(field)));
    }

    String requiredString(String field) {
      required(field);
      return string(field);
    }

    String string(String field) {
      JsonNode v = node.get(field);
      if (!v.isTextual()) {
        throw wrongType(field, "a string");
      }
      return v.textValue();
    }

    double requiredNumber(String field) {
      required(field);
      return number(field);
    }

    double number(String field) {
      JsonNode v = node.get(field);
      if (!v.isNumber()) {
        throw wrongType(field, "a number");
      }
      return v.doubleValue();
    }

    int requiredInt(String field) {
      required(field);
      return integer(field);
    }

    int integer(String field) {
      JsonNode v = node.get(field);
      if (!v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())
          || v.isFloatingPointNumber() && Double.isInfinite(v.doubleValue())) {
        throw wrongType(field, "a whole number");
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        double d = v.doubleValue();
        if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
          throw wrongType(field, "a whole number between " + Integer.MIN_VALUE + " and "
              + Integer.MAX_VALUE);
        }
        return (int) d;
      }
      return v.intValue();
    }

    boolean bool(String field) {
      JsonNode v = node.get(field);
      if (!v.isBoolean()) {
        throw wrongType(field, "true or false");
      }
      return v.booleanValue();
    }

    Object scalar(String field) {
      return ModelReplay.scalar(node.get(field), path(field));
    }

    Obj object(String field, String what, List<String> known) {
      return new Obj(node.get(field), path(field), what, known);
    }

    /** The elements of a list field, or an empty list when the field is absent. */
    List<JsonNode> list(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        return List.of();
      }
      if (!v.isArray()) {
        throw wrongType(field, "a list");
      }
      List<JsonNode> out = new ArrayList<>(v.size());
      v.elements().forEachRemaining(out::add);
      return out;
    }
  }

  /** The known name closest to a misspelt one, or null when none is close. */
  static String suggest(String name, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= Math.max(1, Math.min(2, name.length() / 3)) ? best : null;
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
