package dev.scoring.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629): what the contact reader accepts as text, checked per line so that
 * one bad byte costs one line, never the lines around it. Also the encoding of characters
 * into such bytes, where an unpaired surrogate becomes the (invalid) three bytes it would
 * take, so the check reports it on its line.
 *
 * <p>Contact tables keep ids in this form ({@link #encode}, {@link #decode}), so an id with
 * an unpaired surrogate (which JSON can carry as an escape) is kept exactly.
 *
 * <p>Stateless and thread-safe.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Returns the index of the first byte of the first invalid sequence (an overlong form, an
   * encoded surrogate, a code point above U+10FFFF, a stray or missing continuation byte),
   * or -1 when all of {@code [from, to)} is valid.
   *
   * @param b    the bytes
   * @param from the first index
   * @param to   the end index, exclusive
   * @return the index, or -1
   */
  public static int invalidAt(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      // ASCII, the common case, eight bytes at a time
      while (i <= to - 8 && (Words.at(b, i) & Words.HIGHS) == 0) {
        i += 8;
      }
      if (i >= to) {
        break;
      }
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
      } else if (c < 0xC2) {
        return i; // a continuation byte, or an overlong two-byte form
      } else if (c < 0xE0) {
        if (i + 1 >= to || !continuation(b[i + 1])) {
          return i;
        }
        i += 2;
      } else if (c < 0xF0) {
        if (i + 2 >= to) {
          return i;
        }
        int c1 = b[i + 1] & 0xFF;
        if (c == 0xE0 && c1 < 0xA0 || c == 0xED && c1 >= 0xA0 || !continuation(b[i + 1])
            || !continuation(b[i + 2])) {
          return i;
        }
        i += 3;
      } else if (c < 0xF5) {
        if (i + 3 >= to) {
          return i;
        }
        int c1 = b[i + 1] & 0xFF;
        if (c == 0xF0 && c1 < 0x90 || c == 0xF4 && c1 >= 0x90 || !continuation(b[i + 1])
            || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
          return i;
        }
        i += 4;
      } else {
        return i;
      }
    }
    return -1;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /**
   * Encodes characters as UTF-8 into {@code out} from {@code at}; an unpaired surrogate
   * becomes its three-byte form, which {@link #invalidAt} refuses.
   *
   * @param s    the characters
   * @param from the first index
   * @param to   the end index, exclusive
   * @param out  the buffer, at least {@code 3 * (to - from)} bytes after {@code at}
   * @param at   where to write
   * @return the index after the last byte written
   */
  public static int encode(CharSequence s, int from, int to, byte[] out, int at) {
    int o = at;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | c >> 6);
        out[o++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < to
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out[o++] = (byte) (0xF0 | cp >> 18);
        out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[o++] = (byte) (0x80 | cp & 0x3F);
      } else {
        out[o++] = (byte) (0xE0 | c >> 12);
        out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[o++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return o;
  }

  /**
   * Encodes a string as {@link #encode} does, into a new array.
   *
   * @param s the string
   * @return its bytes
   */
  public static byte[] encode(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        byte[] out = new byte[3 * s.length()];
        return java.util.Arrays.copyOf(out, encode(s, 0, s.length(), out, 0));
      }
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes what {@link #encode} wrote back to the same characters, unpaired surrogates
   * included.
   *
   * @param b    the bytes
   * @param from the first index
   * @param to   the end index, exclusive
   * @return the string
   */
  public static String decode(byte[] b, int from, int to) {
    boolean surrogate = false;
    for (int i = from; i < to - 1 && !surrogate; i++) {
      surrogate = b[i] == (byte) 0xED && (b[i + 1] & 0xFF) >= 0xA0;
    }
    if (!surrogate) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        out.append((char) c);
        i++;
      } else if (c < 0xE0) {
        out.append((char) ((c & 0x1F) << 6 | b[i + 1] & 0x3F));
        i += 2;
      } else if (c < 0xF0) {
        out.append((char) ((c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F));
        i += 3;
      } else {
        out.appendCodePoint((c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12
            | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F);
        i += 4;
      }
    }
    return out.toString();
  }
}
