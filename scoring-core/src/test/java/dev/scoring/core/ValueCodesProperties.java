package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ValueCodes} answers as a plain list of values does, whatever the values' hashes:
 * strings whose hash codes collide ({@code "Aa"} and {@code "BB"} and their concatenations),
 * more values than its table has slots, equal values as other instances, {@code 1},
 * {@code 1.0} and {@code "1"}, {@code 0.0} and {@code -0.0}, through every typed lookup, and
 * across removals of the last value.
 */
class ValueCodesProperties {

  /** A value of one of several families, some with colliding hashes. */
  static Object value(Random r, int spread) {
    int k = r.nextInt(spread);
    return switch (r.nextInt(6)) {
      case 0 -> colliding(k);
      case 1 -> new String("s" + k); // a new instance every time
      case 2 -> (long) k - spread / 2;
      case 3 -> k % 7 == 0 ? (k % 2 == 0 ? 0.0 : -0.0) : k / 4.0;
      case 4 -> k % 2 == 0;
      default -> Long.toString(k % 10);
    };
  }

  /** Strings that all hash alike: 2^10 of them from "Aa"/"BB" blocks. */
  static String colliding(int k) {
    StringBuilder s = new StringBuilder();
    for (int bit = 0; bit < 10; bit++) {
      s.append((k >> bit & 1) == 0 ? "Aa" : "BB");
    }
    return s.toString();
  }

  /** Looks a value up through the typed lookup its class has. */
  static int code(ValueCodes codes, Object v) {
    if (v instanceof String s) {
      return codes.code(s);
    } else if (v instanceof Long l) {
      return codes.code(l.longValue());
    } else if (v instanceof Double d) {
      return codes.code(d.doubleValue());
    }
    return codes.code(v);
  }

  @Property(tries = 200)
  void answersAsAListDoes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int spread) {
    Random r = new Random(seed);
    ValueCodes codes = new ValueCodes();
    List<Object> want = new ArrayList<>();
    for (int op = 0; op < 3 * spread + 20; op++) {
      Object v = value(r, spread);
      int expected = want.indexOf(v) + 1;
      assertEquals(expected, code(codes, v), () -> "code of " + v);
      assertEquals(expected, codes.code(v), () -> "code(Object) of " + v);
      if (expected == 0) {
        assertEquals(want.size() + 1, codes.add(v));
        want.add(v);
        if (r.nextInt(8) == 0) { // an aborted row's value
          codes.removeLast();
          want.remove(want.size() - 1);
          assertEquals(0, code(codes, v));
        }
      }
      assertEquals(want.size(), codes.size());
    }
    for (int i = 0; i < want.size(); i++) {
      assertEquals(i + 1, code(codes, want.get(i)));
    }
    assertArrayEquals(want.toArray(), codes.toArray());
    codes.clear();
    assertEquals(0, codes.size());
    for (Object v : want) {
      assertEquals(0, code(codes, v));
    }
  }
}
