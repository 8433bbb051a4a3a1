package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.json.ContactSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A table built through {@link ContactTable.Builder#sink()} (and through
 * {@link ContactTable#of}) holds exactly what a plain reference builder, written here
 * without any of the builder's shortcuts, says it should: columns in order of first
 * appearance, dictionaries and codes, event types, events in stable chronological order,
 * values, the layout (nanoseconds, wide seconds, values per contact) and the memory. The
 * calls come in the ways that defeat the builder's guesses: attributes in varying orders,
 * missing and repeated names, names that appear late, names, values and types as new
 * {@code String} instances, values equal across types ({@code 1}, {@code 1.0}, {@code "1"},
 * {@code 0.0}, {@code -0.0}), columns that widen past 255 values, rows aborted after adding
 * columns, values and types, and builders reused after {@link ContactTable.Builder#build()}.
 */
class ContactTableBuilderProperties {

  /** One call on a {@link ContactSink}. */
  sealed interface Call {
    void to(ContactSink sink);
  }

  record Begin() implements Call {
    public void to(ContactSink sink) {
      sink.begin(1);
    }
  }

  record Id(String id) implements Call {
    public void to(ContactSink sink) {
      sink.id(id);
    }
  }

  record Text(String name, String value) implements Call {
    public void to(ContactSink sink) {
      sink.attribute(name, value);
    }
  }

  record Whole(String name, long value) implements Call {
    public void to(ContactSink sink) {
      sink.attribute(name, value);
    }
  }

  record Real(String name, double value) implements Call {
    public void to(ContactSink sink) {
      sink.attribute(name, value);
    }
  }

  record Flag(String name, boolean value) implements Call {
    public void to(ContactSink sink) {
      sink.attribute(name, value);
    }
  }

  record Ev(String type, long second, int nano, boolean hasValue, double value)
      implements Call {
    public void to(ContactSink sink) {
      sink.event(type, second, nano, hasValue, value);
    }
  }

  record End() implements Call {
    public void to(ContactSink sink) {
      sink.end();
    }
  }

  record Abort() implements Call {
    public void to(ContactSink sink) {
      sink.abort();
    }
  }

  static void play(List<Call> calls, ContactSink sink) {
    for (Call c : calls) {
      c.to(sink);
    }
  }

  /** The plain builder: rows kept as maps and lists, dictionaries as lists. */
  static final class Reference implements ContactSink {
    final List<String> ids = new ArrayList<>();
    final List<Map<String, Object>> attributes = new ArrayList<>();
    final List<List<Ev>> events = new ArrayList<>();
    final Map<String, List<Object>> dictionaries = new LinkedHashMap<>();
    final List<String> types = new ArrayList<>();
    private String id;
    private Map<String, Object> rowAttributes;
    private List<Ev> rowEvents;

    @Override
    public void begin(long line) {
      id = null;
      rowAttributes = new LinkedHashMap<>();
      rowEvents = new ArrayList<>();
    }

    @Override
    public void id(String id) {
      this.id = id;
    }

    @Override
    public void attribute(String name, String value) {
      rowAttributes.put(name, value);
    }

    @Override
    public void attribute(String name, long value) {
      rowAttributes.put(name, value);
    }

    @Override
    public void attribute(String name, double value) {
      rowAttributes.put(name, value);
    }

    @Override
    public void attribute(String name, boolean value) {
      rowAttributes.put(name, value);
    }

    @Override
    public void event(String type, long second, int nano, boolean hasValue, double value) {
      rowEvents.add(new Ev(type, second, nano, hasValue, value));
    }

    @Override
    public void end() {
      rowAttributes.forEach((name, value) -> {
        List<Object> d = dictionaries.computeIfAbsent(name, n -> new ArrayList<>());
        if (!d.contains(value)) {
          d.add(value);
        }
      });
      for (Ev e : rowEvents) {
        if (!types.contains(e.type())) {
          types.add(e.type());
        }
      }
      List<Ev> sorted = new ArrayList<>(rowEvents);
      sorted.sort(Comparator.comparingLong(Ev::second).thenComparingInt(Ev::nano)); // stable
      ids.add(id);
      attributes.add(rowAttributes);
      events.add(sorted);
    }

    @Override
    public void abort() {
      rowAttributes = null;
      rowEvents = null;
    }

    List<Contact> contacts() {
      List<Contact> out = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Contact.Builder b = Contact.builder(ids.get(i)).attributes(attributes.get(i));
        for (Ev e : events.get(i)) {
          Instant at = Instant.ofEpochSecond(e.second(), e.nano());
          b.event(e.hasValue() ? Event.of(e.type(), at, e.value()) : Event.of(e.type(), at));
        }
        out.add(b.build());
      }
      return out;
    }
  }

  /** Checks a table field by field against the reference. */
  static void assertHolds(Reference want, ContactTable t, boolean typeOrder) {
    int n = want.ids.size();
    assertEquals(n, t.size());
    assertEquals(new ArrayList<>(want.dictionaries.keySet()), t.attributeNames());
    for (Map.Entry<String, List<Object>> d : want.dictionaries.entrySet()) {
      // equal as lists: Long 1, Double 1.0, "1", 0.0 and -0.0 are all different values
      assertEquals(d.getValue(), Arrays.asList(t.column(d.getKey()).dictionary), d.getKey());
      assertEquals(d.getValue().size(), t.distinctValues(d.getKey()));
    }
    if (typeOrder) {
      assertEquals(want.types, Arrays.asList(t.typeNames));
    }
    boolean anyNano = false;
    boolean far = false;
    List<Double> values = new ArrayList<>();
    int e = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(want.ids.get(i), t.id(i));
      for (String name : want.dictionaries.keySet()) {
        Object v = want.attributes.get(i).get(name);
        assertEquals(v, t.attribute(i, name), name);
        AttributeColumn c = t.column(name);
        assertEquals(v == null ? 0 : 1 + want.dictionaries.get(name).indexOf(v), c.code(i));
      }
      List<Ev> evs = want.events.get(i);
      assertEquals(evs.size(), t.eventCount(i));
      for (Ev ev : evs) {
        int stored = t.types[e];
        assertEquals(ev.type(), t.typeNames[stored & ~ContactTable.VALUE_FLAG]);
        assertEquals(ev.hasValue(), (stored & ContactTable.VALUE_FLAG) != 0);
        assertEquals(ev.second(), t.epochSecond(e));
        assertEquals(ev.nano(), t.nanos == null ? 0 : t.nanos[e]);
        anyNano |= ev.nano() != 0;
        long relative = ev.second() - t.epochSecond;
        far |= relative != (int) relative;
        if (ev.hasValue()) {
          values.add(ev.value());
        }
        e++;
      }
      if (t.valueEnds != null) {
        assertEquals(values.size(), t.valueEnds[i]);
      }
    }
    assertEquals(e, t.eventCount());
    assertEquals(anyNano, t.nanos != null);
    assertEquals(far, t.wideSeconds != null);
    assertEquals(far, t.seconds == null);
    assertEquals(!values.isEmpty(), t.valueEnds != null);
    assertArrayEquals(values.stream().mapToDouble(Double::doubleValue).toArray(), t.values);
    List<Contact> contacts = want.contacts();
    for (int i = 0; i < n; i++) {
      assertEquals(contacts.get(i), t.contact(i));
    }
    assertEquals(ContactTable.of(contacts).memoryBytes(), t.memoryBytes());
  }

  static final String[] NAMES = {"age", "sector", "gender", "country", "job_title",
      "near_office", "score", "mixed", "city", "plan", "seats", "tier"};
  static final String[] LATE = {"late_a", "late_b", "late_c"};
  static final String[] TYPES = {"page_view", "email_open", "webinar", "demo", "blog_visit"};
  static final Object[] MIXED = {1L, 1.0, "1", true, false, 0L, 0.0, -0.0, "", -1L};

  /** A run of sink calls, random but reproducible from the seed. */
  static List<Call> script(long seed) {
    Random r = new Random(seed);
    int rows = 1 + r.nextInt(r.nextBoolean() ? 40 : 400);
    boolean nanos = r.nextInt(4) == 0;
    boolean far = r.nextInt(6) == 0;
    boolean shuffled = r.nextBoolean();
    int wideValues = r.nextInt(3) == 0 ? 300 : 12; // past 255: 2-byte codes
    double abortRate = r.nextInt(3) == 0 ? 0.0 : 0.1;
    List<String> order = new ArrayList<>(Arrays.asList(NAMES));
    Collections.shuffle(order, r);
    List<Call> calls = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      List<Call> body = new ArrayList<>();
      body.add(new Id(id(r, row)));
      List<String> names = new ArrayList<>(order);
      if (row > rows / 2) {
        names.add(r.nextInt(names.size() + 1), LATE[r.nextInt(LATE.length)]);
      }
      if (shuffled && r.nextInt(3) == 0) {
        Collections.shuffle(names, r);
      }
      double presence = r.nextDouble();
      for (String name : names) {
        if (r.nextDouble() < presence) {
          body.add(attribute(r, r.nextInt(7) == 0 ? new String(name) : name, wideValues));
        }
      }
      int events = r.nextInt(8) == 0 ? 20 + r.nextInt(30) : r.nextInt(12);
      long second = far && r.nextInt(4) == 0 ? -2_300_000_000L : 1_700_000_000L;
      List<Call> evs = new ArrayList<>();
      for (int k = 0; k < events; k++) {
        second += r.nextInt(3) == 0 ? 0 : r.nextInt(100_000);
        String type = row > rows / 2 && r.nextInt(10) == 0 ? "late_type"
            : TYPES[r.nextInt(TYPES.length)];
        boolean hasValue = r.nextBoolean();
        evs.add(new Ev(r.nextInt(5) == 0 ? new String(type) : type, second,
            nanos && r.nextBoolean() ? r.nextInt(1_000_000_000) : 0, hasValue,
            hasValue ? r.nextInt(1000) / 4.0 : 0.0));
      }
      if (r.nextInt(5) == 0) {
        Collections.shuffle(evs, r);
      }
      body.addAll(evs);
      Collections.shuffle(body.subList(1, body.size() - evs.size()), r);
      calls.add(new Begin());
      if (r.nextDouble() < abortRate) {
        calls.addAll(body.subList(0, r.nextInt(body.size() + 1)));
        calls.add(new Abort());
      } else {
        calls.addAll(body);
        calls.add(new End());
      }
    }
    return calls;
  }

  static String id(Random r, int row) {
    return switch (r.nextInt(12)) {
      case 0 -> "c-é✓-" + row;
      case 1 -> "c-\uD83D\uDE00-" + row; // a pair: 4 bytes
      case 2 -> "c-\uD800-" + row; // unpaired: kept as 3 bytes
      default -> "c-" + row;
    };
  }

  static Call attribute(Random r, String name, int wideValues) {
    return switch (name) {
      case "age", "seats" -> new Whole(name, r.nextInt(3) == 0 ? 100_000 + r.nextInt(200)
          : r.nextInt(110)); // boxed: cached below 128, a new Long above
      case "score" -> new Real(name, r.nextInt(50) / 2.0);
      case "near_office" -> new Flag(name, r.nextBoolean());
      case "mixed" -> {
        Object v = MIXED[r.nextInt(MIXED.length)];
        yield v instanceof Long l ? new Whole(name, l) : v instanceof Double d
            ? new Real(name, d) : v instanceof Boolean b ? new Flag(name, b)
            : new Text(name, new String((String) v));
      }
      case "city" -> new Text(name, text(r, "city", wideValues));
      default -> new Text(name, text(r, name, 6));
    };
  }

  private static final Map<String, String> CANONICAL = new ConcurrentHashMap<>();

  /** One of {@code distinct} values, mostly the canonical instance, sometimes a new one. */
  static String text(Random r, String prefix, int distinct) {
    String v = CANONICAL.computeIfAbsent(prefix + r.nextInt(distinct), k -> k);
    return r.nextInt(3) == 0 ? new String(v) : v;
  }

  @Property(tries = 300)
  void theSinkBuildsWhatThePlainBuilderSays(@ForAll long seed) {
    List<Call> calls = script(seed);
    Reference want = new Reference();
    play(calls, want);
    ContactTable.Builder b = ContactTable.builder();
    play(calls, b.sink());
    ContactTable t = b.build();
    assertHolds(want, t, true);

    // the same builder again, after build(): nothing remembered from the first table
    List<Call> more = script(seed + 1);
    Reference want2 = new Reference();
    play(more, want2);
    play(more, b.sink());
    assertHolds(want2, b.build(), true);

    // built from Contact objects: the same contents (types in the contacts' event order)
    ContactTable of = ContactTable.of(want.contacts());
    assertHolds(want, of, false);
  }

  @Property(tries = 100)
  void twoHalvesJoinedHoldWhatTheWholeDoes(@ForAll long seed) {
    List<Call> calls = script(seed);
    int cut = calls.size() / 2;
    while (cut < calls.size() && !(calls.get(cut) instanceof Begin)) {
      cut++;
    }
    ContactTable.Builder b = ContactTable.builder();
    play(calls.subList(0, cut), b.sink());
    ContactTable first = b.build();
    play(calls.subList(cut, calls.size()), b.sink());
    ContactTable second = b.build();
    Reference want = new Reference();
    play(calls, want);
    assertHolds(want, ContactTable.concat(List.of(first, second)), true);
  }

  @Property(tries = 50)
  void anAbortedRowLeavesNoColumnGuessBehind(@ForAll long seed) {
    // a row adds a column and is aborted; the next rows name it again, at the same place
    Random r = new Random(seed);
    ContactTable.Builder b = ContactTable.builder();
    Reference want = new Reference();
    List<Call> calls = new ArrayList<>();
    for (int row = 0; row < 30; row++) {
      calls.add(new Begin());
      calls.add(new Id("c" + row));
      calls.add(new Text("a", "x"));
      String name = row % 3 == 0 ? "new" + (row / 3 % 2) : "b";
      calls.add(new Text(name, text(r, name, 4)));
      calls.add(new Text("c", "y"));
      calls.add(r.nextInt(3) == 0 ? new Abort() : new End());
    }
    play(calls, want);
    play(calls, b.sink());
    assertHolds(want, b.build(), true);
  }
}
