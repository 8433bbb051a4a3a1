package dev.scoring.core.analysis;

import dev.scoring.api.Values;
import dev.scoring.core.Condition;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a {@link ModelAnalysis} as a short text report. */
final class Report {
  private Report() {}

  static String write(ModelAnalysis a) {
    StringBuilder out = new StringBuilder(512);
    out.append("analysis of ").append(a.model()).append(" v").append(a.version())
        .append(" (scale ").append(number(a.scale().min())).append("..")
        .append(number(a.scale().max())).append(")\n");
    range(out, "fit", a.fit(), true);
    range(out, "engagement", a.engagement(), true);
    range(out, "raw", a.raw(), false);
    range(out, "score", a.score(), false);
    if (!a.tiers().isEmpty()) {
      out.append("tiers\n");
      int width = a.tiers().stream().mapToInt(t -> t.name().length()).max().orElse(0);
      for (TierReach t : a.tiers()) {
        out.append("  ").append(pad(t.name(), width)).append(" >= ")
            .append(number(t.atLeast())).append(": ");
        if (!t.reachable()) {
          out.append("unreachable\n");
          continue;
        }
        out.append("reachable; by fit alone ").append(t.byFitAlone() ? "yes" : "no")
            .append("; by engagement alone ").append(t.byEngagementAlone() ? "yes" : "no")
            .append("; fewest events ")
            .append(t.fewestEvents().isPresent() ? Integer.toString(t.fewestEvents().getAsInt())
                : "more than " + ModelAnalysis.EVENT_LIMIT)
            .append('\n');
      }
    }
    out.append("findings");
    if (a.findings().isEmpty()) {
      out.append(": none\n");
    } else {
      out.append('\n');
      for (Finding f : a.findings()) {
        out.append("  ").append(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(": ").append(f.message()).append('\n');
      }
    }
    if (!a.exact()) {
      out.append("note: values marked \"at most\"/\"at least\" are safe bounds; the exact"
          + " search was over budget\n");
    }
    return out.toString();
  }

  private static void range(StringBuilder out, String name, Range r, boolean notes) {
    out.append("  ").append(pad(name, 10)).append(' ')
        .append(bound(r.min(), false)).append(" .. ").append(bound(r.max(), true));
    out.append('\n');
    if (notes && r.min().unbounded()) {
      wrap(out, "unbounded below by ", r.min().unboundedBy());
    }
    if (notes && r.max().unbounded()) {
      wrap(out, "unbounded above by ", r.max().unboundedBy());
    }
  }

  /** Writes "    lead a, b, c" wrapped at 90 columns, continuation lines indented. */
  private static void wrap(StringBuilder out, String lead, List<String> ids) {
    StringBuilder line = new StringBuilder("    ").append(lead);
    boolean fresh = true;
    for (int i = 0; i < ids.size(); i++) {
      String item = ids.get(i) + (i < ids.size() - 1 ? "," : "");
      if (!fresh && line.length() + 1 + item.length() > 90) {
        out.append(line).append('\n');
        line = new StringBuilder("      ");
        fresh = true;
      }
      if (!fresh) {
        line.append(' ');
      }
      line.append(item);
      fresh = false;
    }
    out.append(line).append('\n');
  }

  private static String bound(Extreme e, boolean upper) {
    if (e.unbounded()) {
      return e.value() > 0 ? "+inf" : "-inf";
    }
    String n = number(e.value());
    return e.exact() ? n : (upper ? "at most " : "at least ") + n;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** A number for people: whole numbers without a fraction, others to 6 decimals. */
  static String number(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "+inf" : "-inf";
    }
    return Values.rounded(d, 6);
  }

  /** A condition as in model files: {@code age between [18, 24]}. */
  static String condition(Condition c) {
    String operands = c.operands().stream().map(Report::operand)
        .collect(Collectors.joining(", "));
    String shown = switch (c.operator()) {
      case IN, BETWEEN -> "[" + operands + "]";
      default -> operands;
    };
    return c.attribute() + " " + c.operator().jsonName() + " " + shown
        + (c.ignoreCase() ? " (ignoring case)" : "");
  }

  /** An aggregate condition as a phrase: {@code count(email_open) within 30 days atLeast 5}. */
  static String aggregate(dev.scoring.core.Aggregate a) {
    dev.scoring.core.Aggregate.Measure m = a.measure();
    StringBuilder out = new StringBuilder(m.function().jsonName()).append('(')
        .append(String.join(", ", m.events()));
    if (!m.per().isEmpty()) {
      out.append(" per ").append(String.join(", ", m.per()));
    }
    out.append(')');
    m.withinDays().ifPresent(w -> out.append(" within ").append(w).append(" days"));
    m.minValue().ifPresent(v -> out.append(" minValue ").append(number(v)));
    if (m.minCount() != 1) {
      out.append(" minCount ").append(m.minCount());
    }
    out.append(' ').append(a.operator().jsonName()).append(' ');
    out.append(a.operator() == dev.scoring.core.Aggregate.Operator.BETWEEN
        ? "[" + number(a.lo()) + ", " + number(a.hi()) + "]" : number(a.lo()));
    return out.toString();
  }

  private static String operand(Object o) {
    if (o instanceof String s) {
      return Values.quote(s, -1);
    }
    if (o instanceof Double d) {
      return number(d);
    }
    return String.valueOf(o);
  }
}
