package dev.scoring.core;

import java.util.Arrays;

/**
 * One dictionary-encoded attribute column of a {@link ContactTable}: each distinct value is
 * stored once and each contact holds a code, 0 for absent, else 1 + the value's index in
 * {@link #dictionary}.
 *
 * <p>Two layouts, so that memory stays linear in the input whatever the attribute names:
 * <ul>
 *   <li><em>dense</em>: a code per contact, 1 byte while the column has at most 255
 *       distinct values, 2 bytes up to 65,535 and 4 beyond (exactly one of {@link #bytes},
 *       {@link #chars}, {@link #ints} is set, {@code size} long);
 *   <li><em>sparse</em>, for a column that few contacts have: its codes are kept with the
 *       contact's other sparse values in the table's per-contact lists (4-byte column index
 *       and 4-byte code per value), so it costs 8 bytes per contact that has it and nothing
 *       for the others.
 * </ul>
 * A column is dense when that takes no more bytes than sparse would ({@code width * size <=
 * 8 * values}).
 *
 * <p>Immutable once built and thread-safe.
 */
final class AttributeColumn {
  final String name;
  final Object[] dictionary;
  final byte[] bytes;
  final char[] chars;
  final int[] ints;
  /** This column's index in the table, as the sparse lists name it. */
  private final int index;
  /** The table's sparse lists ({@code sparseStart[c] .. sparseStart[c + 1]}), or null. */
  private final int[] sparseStart;
  private final int[] sparseColumn;
  private final int[] sparseCode;

  private AttributeColumn(String name, Object[] dictionary, byte[] bytes, char[] chars,
      int[] ints, int index, int[] sparseStart, int[] sparseColumn, int[] sparseCode) {
    this.name = name;
    this.dictionary = dictionary;
    this.bytes = bytes;
    this.chars = chars;
    this.ints = ints;
    this.index = index;
    this.sparseStart = sparseStart;
    this.sparseColumn = sparseColumn;
    this.sparseCode = sparseCode;
  }

  /** Whether each contact has its own code here (else the codes are in the sparse lists). */
  boolean dense() {
    return bytes != null || chars != null || ints != null;
  }

  /** The code of a contact's value: 0 when absent, else 1 + its dictionary index. */
  int code(int contact) {
    if (bytes != null) {
      return bytes[contact] & 0xFF;
    }
    if (chars != null) {
      return chars[contact];
    }
    if (ints != null) {
      return ints[contact];
    }
    for (int i = sparseStart[contact]; i < sparseStart[contact + 1]; i++) {
      if (sparseColumn[i] == index) {
        return sparseCode[i];
      }
    }
    return 0;
  }

  /** The bytes of the dense codes (sparse codes are counted by the table). */
  long bytes() {
    return bytes != null ? bytes.length : chars != null ? 2L * chars.length
        : ints != null ? 4L * ints.length : 0;
  }

  /**
   * A column while a table is being built. Values arrive in contact order (a contact at
   * most once); the codes are kept densely or as (contact, code) pairs, switching so that
   * memory stays within a constant factor of the values held: dense when at least one
   * contact in 8 up to the last one has a value, back to pairs when fewer than one in 16.
   * Each switch costs time linear in the values held, and a column must double its values
   * (or its span) between two switches, so building stays linear. Not thread-safe.
   */
  static final class Builder {
    final String name;
    /**
     * The column of the attribute that followed this one in the last row that had both,
     * and that attribute's name instance: the table builder's guess for the next row, which
     * it checks by reference. Null when none.
     */
    Builder next;
    String nextName;
    private final ValueCodes dictionary = new ValueCodes();
    private int count;
    // sparse layout
    private int[] contacts = new int[4];
    private int[] sparseCodes = new int[4];
    // dense layout: exactly one set, or none while sparse
    private byte[] bytes;
    private char[] chars;
    private int[] ints;
    /** The contact of the last value set, -1 before any; and the one before it. */
    private int last = -1;
    private int lastBefore = -1;

    Builder(String name) {
      this.name = name;
    }

    /** Returns the number of contacts holding a value. */
    int count() {
      return count;
    }

    /**
     * Sets the value of a contact at or after the last one set.
     *
     * @return whether the value was new to the dictionary
     */
    boolean set(int contact, Object value) {
      int code = dictionary.code(value);
      boolean added = code == 0;
      setCode(contact, added ? add(value) : code);
      return added;
    }

    /** As {@link #set(int, Object)} for a string. */
    boolean set(int contact, String value) {
      int code = dictionary.code(value);
      boolean added = code == 0;
      setCode(contact, added ? add(value) : code);
      return added;
    }

    /** As {@link #set(int, Object)} for a {@link Long}, boxed only when new. */
    boolean set(int contact, long value) {
      int code = dictionary.code(value);
      boolean added = code == 0;
      setCode(contact, added ? add(Long.valueOf(value)) : code);
      return added;
    }

    /** As {@link #set(int, Object)} for a {@link Double}, boxed only when new. */
    boolean set(int contact, double value) {
      int code = dictionary.code(value);
      boolean added = code == 0;
      setCode(contact, added ? add(Double.valueOf(value)) : code);
      return added;
    }

    /** The code of a value, added to the dictionary when new. */
    int code(Object value) {
      int code = dictionary.code(value);
      return code != 0 ? code : add(value);
    }

    /** Adds a value new to the dictionary, widening the dense codes when it needs. */
    private int add(Object value) {
      int code = dictionary.add(value);
      widen(code);
      return code;
    }

    /** Sets the code (from {@link #code}) of a contact at or after the last one set. */
    void setCode(int contact, int code) {
      if (bytes != null && contact < bytes.length) {
        // the common case in short: dense 1-byte codes with room for the contact
        bytes[contact] = (byte) code;
        count++;
        lastBefore = last;
        last = contact;
        return;
      }
      if (dense()) {
        if (contact >= capacity()) {
          if (16L * (count + 1) < contact + 1L) {
            toSparse();
          } else {
            grow(Math.max(contact + 1, capacity() + (capacity() >> 1) + 16));
          }
        }
      } else if (8L * (count + 1) >= contact + 1L) {
        toDense(contact + 1);
      }
      if (dense()) {
        put(contact, code);
      } else {
        if (count == contacts.length) {
          contacts = Arrays.copyOf(contacts, count * 2);
          sparseCodes = Arrays.copyOf(sparseCodes, count * 2);
        }
        contacts[count] = contact;
        sparseCodes[count] = code;
      }
      count++;
      lastBefore = last;
      last = contact;
    }

    /**
     * Forgets the value of the contact set last (an aborted row), and its dictionary value
     * when {@code dropValue} (it was new with it).
     */
    void unset(boolean dropValue) {
      count--;
      if (dense()) {
        put(last, 0);
      }
      if (dropValue) {
        dictionary.removeLast();
      }
      last = lastBefore;
    }

    private boolean dense() {
      return bytes != null || chars != null || ints != null;
    }

    private int capacity() {
      return bytes != null ? bytes.length : chars != null ? chars.length : ints.length;
    }

    private int codeAt(int c) {
      return bytes != null ? bytes[c] & 0xFF : chars != null ? chars[c] : ints[c];
    }

    private void put(int c, int code) {
      if (bytes != null) {
        bytes[c] = (byte) code;
      } else if (chars != null) {
        chars[c] = (char) code;
      } else {
        ints[c] = code;
      }
    }

    private void toDense(int capacity) {
      int size = dictionary.size();
      if (size <= 0xFF) {
        bytes = new byte[capacity];
      } else if (size <= 0xFFFF) {
        chars = new char[capacity];
      } else {
        ints = new int[capacity];
      }
      for (int i = 0; i < count; i++) {
        put(contacts[i], sparseCodes[i]);
      }
      contacts = null;
      sparseCodes = null;
    }

    private void toSparse() {
      int[] at = new int[Math.max(4, count * 2)];
      int[] code = new int[at.length];
      int n = 0;
      for (int c = 0; c <= last; c++) {
        int k = codeAt(c);
        if (k != 0) {
          at[n] = c;
          code[n++] = k;
        }
      }
      contacts = at;
      sparseCodes = code;
      bytes = null;
      chars = null;
      ints = null;
    }

    private void grow(int capacity) {
      if (bytes != null) {
        bytes = Arrays.copyOf(bytes, capacity);
      } else if (chars != null) {
        chars = Arrays.copyOf(chars, capacity);
      } else {
        ints = Arrays.copyOf(ints, capacity);
      }
    }

    private void widen(int code) {
      if (bytes != null && code > 0xFF) {
        chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
          chars[i] = (char) (bytes[i] & 0xFF);
        }
        bytes = null;
      } else if (chars != null && code > 0xFFFF) {
        ints = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
          ints[i] = chars[i];
        }
        chars = null;
      }
    }

    /** The code width in bytes the dictionary needs when dense. */
    private int width() {
      int size = dictionary.size();
      return size <= 0xFF ? 1 : size <= 0xFFFF ? 2 : 4;
    }

    /** Whether the built column is dense for a table of {@code size} contacts. */
    boolean denseFor(int size) {
      return (long) width() * size <= 8L * count;
    }

    /** Visits the (contact, code) pairs in contact order. */
    void forEach(PairVisitor visitor) {
      if (dense()) {
        for (int c = 0; c <= last; c++) {
          int k = codeAt(c);
          if (k != 0) {
            visitor.visit(c, k);
          }
        }
      } else {
        for (int i = 0; i < count; i++) {
          visitor.visit(contacts[i], sparseCodes[i]);
        }
      }
    }

    /** Receives the pairs of {@link #forEach}. */
    interface PairVisitor {
      void visit(int contact, int code);
    }

    /** Builds the dense column for a table of {@code size} contacts. */
    AttributeColumn buildDense(int size) {
      int width = width();
      Object[] values = dictionary.toArray();
      // dense codes of the width already (codes past the last contact set are all 0): copied
      if (width == 1 && bytes != null) {
        return new AttributeColumn(name, values, Arrays.copyOf(bytes, size), null, null, -1,
            null, null, null);
      } else if (width == 2 && chars != null) {
        return new AttributeColumn(name, values, null, Arrays.copyOf(chars, size), null, -1,
            null, null, null);
      } else if (width == 4 && ints != null) {
        return new AttributeColumn(name, values, null, null, Arrays.copyOf(ints, size), -1,
            null, null, null);
      }
      byte[] b = width == 1 ? new byte[size] : null;
      char[] ch = width == 2 ? new char[size] : null;
      int[] in = width == 4 ? new int[size] : null;
      forEach((c, k) -> {
        if (b != null) {
          b[c] = (byte) k;
        } else if (ch != null) {
          ch[c] = (char) k;
        } else {
          in[c] = k;
        }
      });
      return new AttributeColumn(name, values, b, ch, in, -1, null, null, null);
    }

    /** Builds the sparse column whose codes are in the table's sparse lists. */
    AttributeColumn buildSparse(int index, int[] sparseStart, int[] sparseColumn,
        int[] sparseCode) {
      return new AttributeColumn(name, dictionary.toArray(), null, null, null, index,
          sparseStart, sparseColumn, sparseCode);
    }
  }
}
