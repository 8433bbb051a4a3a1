package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** ECMAScript's number form: it reads back to the same double, with the fewest digits. */
class JcsProperties {

  @Property(tries = 3000)
  void aNumberReadsBackToTheSameDouble_andNoShorterDecimalDoes(@ForAll double x) {
    String text = Jcs.number(x);
    double back = Double.parseDouble(text);
    assertEquals(x == 0 ? 0.0 : x, back, text);
    assertTrue(x == 0 || Double.doubleToRawLongBits(back) == Double.doubleToRawLongBits(x),
        text);
    BigDecimal digits = new BigDecimal(text).stripTrailingZeros();
    int k = digits.precision();
    if (k > 1 && x != 0) {
      BigDecimal exact = new BigDecimal(x);
      for (java.math.RoundingMode mode : new java.math.RoundingMode[] {
          java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING}) {
        BigDecimal shorter = exact.round(new java.math.MathContext(k - 1, mode));
        assertTrue(Double.parseDouble(shorter.toString()) != x,
            text + " has " + k + " digits, but " + shorter + " reads back too");
      }
    }
  }

  @Property(tries = 1000)
  void plainDigitsFrom1eMinus6ToBelow1e21_exponentFormOutside(@ForAll double x) {
    String text = Jcs.number(Math.abs(x));
    boolean plain = x == 0 || Math.abs(x) >= 1e-6 && Math.abs(x) < 1e21;
    assertEquals(plain, !text.contains("e"), text);
    assertEquals(false, text.contains("E") || text.endsWith(".0") || text.startsWith("."),
        text);
  }
}
