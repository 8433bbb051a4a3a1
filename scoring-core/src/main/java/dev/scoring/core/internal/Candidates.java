package dev.scoring.core.internal;

import dev.scoring.core.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attribute values that cover every way a value can relate to a set of conditions on one
 * attribute: each operand and its case variants, numbers as numbers and as strings (in
 * several spellings, padded with whitespace too), each numeric threshold and the doubles
 * just below and above it, booleans and boolean strings, blank strings and a value no
 * condition mentions. If some value satisfies all the conditions, one of these (or the
 * absent value) does. The static analysis and the builder's fail-fast check share it.
 *
 * <p>Stateless; thread-safe. The number of candidates is linear in the number of operands.
 */
public final class Candidates {
  private Candidates() {}

  /**
   * Returns candidate values for one attribute given the conditions on it, without the
   * absent value (null), which is always a candidate too.
   *
   * @param conditions the conditions on the attribute
   * @return the candidates: {@link String}s, {@link Long}s, {@link Double}s and
   *     {@link Boolean}s
   */
  public static List<Object> values(List<Condition> conditions) {
    Set<Object> values = new LinkedHashSet<>();
    Set<String> strings = new LinkedHashSet<>();
    TreeSet<Double> numbers = new TreeSet<>();
    for (Condition c : conditions) {
      for (Object o : c.operands()) {
        if (c.operator() == Condition.Operator.PRESENT) {
          continue;
        }
        if (o instanceof String s) {
          strings.add(s);
          double d = Numbers.parse(s);
          if (!Double.isNaN(d)) {
            numbers.add(d);
          }
        } else if (o instanceof Number n) {
          numbers.add(n.doubleValue());
        }
      }
    }
    for (String s : strings) {
      values.add(s);
      values.add(s.toUpperCase(Locale.ROOT));
      values.add(s.toLowerCase(Locale.ROOT));
      values.add(swapCase(s));
      values.add(capitalize(s));
      values.add(s + "_other");
    }
    for (double p : numbers) {
      for (double d : new double[] {p, Math.nextDown(p), Math.nextUp(p)}) {
        if (!Double.isFinite(d)) {
          continue;
        }
        values.add(number(d));
        values.addAll(spellings(d));
      }
    }
    values.add(Boolean.TRUE);
    values.add(Boolean.FALSE);
    for (String b : new String[] {"true", "false", "TRUE", "False", "tRuE", "fAlSe", " true ",
        "falſe"}) {
      values.add(b);
    }
    values.add("");
    values.add(" ");
    values.add("other");
    values.add(0L);
    return new ArrayList<>(values);
  }

  /** A number as a contact stores it: {@link Long} when whole, else {@link Double}. */
  private static Object number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      return (long) d;
    }
    return d;
  }

  /** Several decimal spellings of a number, so string operands can be matched or missed. */
  private static List<String> spellings(double d) {
    List<String> out = new ArrayList<>();
    String plain = new BigDecimal(d).toPlainString();
    String shortest = Double.toString(d);
    boolean whole = d == Math.rint(d) && Math.abs(d) < 1e15;
    if (whole) {
      String l = Long.toString((long) d);
      out.add(l);
      out.add(l + ".0");
      out.add(l + ".00");
      out.add(d < 0 ? l : "+" + l);
      out.add(l + "e0");
      out.add(" " + l + "\t");
    } else {
      out.add(shortest);
      out.add(plain.contains(".") ? plain + "0" : plain);
      out.add(d < 0 ? shortest + "e0" : "+" + shortest);
      out.add(" " + shortest + " ");
    }
    return out;
  }

  private static String swapCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return b.toString();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s
        : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }
}
