package dev.scoring.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bytes eight at a time ("SWAR"), for the scans of the contact reader (line ends, plain
 * strings, instants) and of {@link Utf8}: a {@code byte[]} read as little-endian
 * {@code long}s, and the constants their bit tricks need. Stateless and thread-safe.
 */
public final class Words {
  /** The byte {@code 0x01} in every lane: {@code ONES * c} puts {@code c} in every lane. */
  public static final long ONES = 0x0101010101010101L;
  /** The high bit of every lane: set in a lane of a word for a byte that is not ASCII. */
  public static final long HIGHS = 0x8080808080808080L;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Words() {}

  /**
   * The eight bytes at {@code i}, as a little-endian {@code long} (the byte at {@code i} in
   * the lowest lane).
   *
   * @param b the bytes
   * @param i the first of the eight, {@code i + 8 <= b.length}
   * @return the word
   */
  public static long at(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /**
   * The high bit of each lane of {@code w} whose byte is {@code c}, and possibly of lanes
   * above the lowest such one (a borrow): exact for "is there one" and for the lowest.
   *
   * @param w     eight bytes
   * @param every the byte looked for in every lane ({@code ONES * c})
   * @return the flags
   */
  public static long equal(long w, long every) {
    long x = w ^ every;
    return (x - ONES) & ~x & HIGHS;
  }
}
