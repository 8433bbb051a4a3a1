package dev.scoring.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ArrayScorer;
import dev.scoring.core.ModelSet;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.JsonLimits;
import dev.scoring.core.json.ModelSetJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The function Spark calls once per contact row, on the executors: reads the row once into
 * reused primitive arrays and scores it under every table of a model set with one
 * {@link ArrayScorer} per table, returning the score struct, or the Java contact reader's
 * message for a row it would refuse.
 *
 * <p>Its input is {@code struct(id, events, attribute columns...)} with events as
 * {@code array<struct<type: string, at: bigint (epoch micros) or string, value: double>>}.
 * Its output is {@link SparkScorer#RESULT} for a single table ({@code perTable} false), or
 * one {@link SparkScorer#TABLE_RESULT} struct per table followed by {@code error}. The set
 * arrives as a broadcast of its canonical JSON (a single table's JSON is a set of one) and is
 * compiled once per executor JVM (cached by fingerprint). Spark deserialises one instance per
 * task, so an instance is used by one thread at a time; the scorers are nevertheless
 * recreated if another thread calls.
 */
final class ContactRows implements UDF1<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final String COLUMNS = "columns";
  static final String MAP = "map";
  static final String STRUCT = "struct";
  private static final int FIRST_ATTRIBUTE = 2;
  /** Compiled model sets of this JVM, by fingerprint. */
  private static final Map<String, ModelSet> MODELS = new ConcurrentHashMap<>();
  private static final JsonFactory JSON = new JsonFactory();
  /** Stands for a non-finite number in the JSON given to the reader (read as infinite). */
  private static final String HUGE = "1e400";
  private static final long MIN_SECOND = Event.MIN_AT.getEpochSecond();
  private static final long MAX_SECOND = Event.MAX_AT.getEpochSecond();

  private final Broadcast<String> modelJson;
  private final String fingerprint;
  private final long asOfSecond;
  private final int asOfNano;
  private final String source;
  /** Whether the result is one struct per table (a set) rather than flat columns. */
  private final boolean perTable;
  /** The attribute column names (COLUMNS), the struct's field names (STRUCT), or none. */
  private final String[] attributeNames;
  /** The reader's longest string (id, type, instant, attribute value). */
  private final int maxString = JsonLimits.defaults().maxStringLength();

  private transient Thread owner;
  private transient Instant asOf;
  /** One scorer per table of the set, in set order. */
  private transient ArrayScorer[] scorers;
  /** Attribute name to its index in each table's scorer ({@code -1}: not read by it). */
  private transient Map<String, int[]> modelAttribute;
  /**
   * Per attribute column (COLUMNS) or struct field (STRUCT): its index in each table's scorer,
   * or -1.
   */
  private transient int[][] columnToModel;
  private transient String[] structFields;
  /** Per table, the kernel type ids of the current contact's events. */
  private transient int[][] types = new int[0][];
  private transient long[] seconds;
  private transient int[] nanos;
  private transient double[] values;

  ContactRows(Broadcast<String> modelJson, String fingerprint, Instant asOf, String source,
      String[] attributeNames, boolean perTable) {
    this.modelJson = modelJson;
    this.fingerprint = fingerprint;
    this.asOfSecond = asOf.getEpochSecond();
    this.asOfNano = asOf.getNano();
    this.source = source;
    this.attributeNames = attributeNames;
    this.perTable = perTable;
  }

  /**
   * Checks, on the driver, that the attribute columns (or the map's values, or the struct's
   * fields) have types an attribute can have: string, boolean, a number.
   */
  static void checkAttributeTypes(String source, List<String> names, List<DataType> types) {
    checkAttributeTypes(source, names, types, "contacts.");
  }

  /** {@link #checkAttributeTypes(String, List, List)} with messages starting with a prefix. */
  static void checkAttributeTypes(String source, List<String> names, List<DataType> types,
      String where) {
    for (int j = 0; j < names.size(); j++) {
      DataType t = types.get(j);
      if (source.equals(MAP)) {
        check(where + names.get(j) + " values", ((MapType) t).valueType());
      } else if (source.equals(STRUCT)) {
        for (StructField f : ((StructType) t).fields()) {
          check(where + names.get(j) + "." + f.name(), f.dataType());
        }
      } else {
        check(where + names.get(j), t);
      }
    }
  }

  private static void check(String where, DataType t) {
    if (!(t instanceof StringType || t instanceof BooleanType || t instanceof ByteType
        || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType
        || t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType
        || t instanceof NullType)) {
      throw new IllegalArgumentException(where + " must be a string, number or boolean (an"
          + " attribute), but was " + t.simpleString());
    }
  }

  @Override
  public Row call(Row row) {
    if (owner != Thread.currentThread()) {
      start();
    }
    ArrayScorer[] all = scorers;
    String id = row.getString(0);
    if (id == null || id.isBlank() || id.length() > maxString) {
      return refused(row);
    }
    for (ArrayScorer s : all) {
      s.beginContact();
    }
    if (!readAttributes(row)) {
      return refused(row);
    }
    List<Row> events = row.isNullAt(1) ? List.of() : row.getList(1);
    int n = events.size();
    if (seconds.length < n) {
      int size = Math.max(n, seconds.length * 2);
      for (int t = 0; t < all.length; t++) {
        types[t] = new int[size];
      }
      seconds = new long[size];
      nanos = new int[size];
      values = new double[size];
    }
    for (int i = 0; i < n; i++) {
      Row e = events.get(i);
      if (e == null) {
        return refused(row);
      }
      String type = e.getString(0);
      Object at = e.get(1);
      if (type == null || type.isBlank() || at == null || type.length() > maxString) {
        return refused(row);
      }
      if (at instanceof Long micros) {
        long m = micros;
        seconds[i] = Math.floorDiv(m, 1_000_000L);
        nanos[i] = (int) Math.floorMod(m, 1_000_000L) * 1000;
      } else {
        Instant instant;
        try {
          instant = Instant.parse((String) at);
        } catch (DateTimeParseException ex) {
          return refused(row);
        }
        // SPEC section 1: years 0001 to 9999, as the contact reader accepts
        if (instant.isBefore(dev.scoring.api.Event.MIN_AT)
            || instant.isAfter(dev.scoring.api.Event.MAX_AT)) {
          return refused(row);
        }
        seconds[i] = instant.getEpochSecond();
        nanos[i] = instant.getNano();
      }
      if (seconds[i] < MIN_SECOND || seconds[i] > MAX_SECOND) {
        return refused(row);
      }
      double v;
      if (e.isNullAt(2)) {
        v = Double.NaN;
      } else {
        v = e.getDouble(2);
        if (!Double.isFinite(v)) {
          return refused(row);
        }
      }
      values[i] = v;
      for (int t = 0; t < all.length; t++) {
        types[t][i] = all[t].typeId(type);
      }
    }
    if (!perTable) {
      ArrayScorer s = all[0];
      s.score(types[0], seconds, nanos, values, n, asOf);
      return RowFactory.create(s.score(), s.raw(), s.fit(), s.engagement(),
          s.tierName(s.tier()), null);
    }
    Object[] out = new Object[all.length + 1];
    for (int t = 0; t < all.length; t++) {
      ArrayScorer s = all[t];
      s.score(types[t], seconds, nanos, values, n, asOf);
      out[t] = RowFactory.create(s.score(), s.raw(), s.fit(), s.engagement(),
          s.tierName(s.tier()));
    }
    return RowFactory.create(out);
  }

  /** Sets every table's attributes from the row; false when an attribute is not valid. */
  private boolean readAttributes(Row row) {
    switch (source) {
      case MAP -> {
        if (row.isNullAt(FIRST_ATTRIBUTE)) {
          return true;
        }
        Map<Object, Object> map = row.getJavaMap(FIRST_ATTRIBUTE);
        for (Map.Entry<Object, Object> a : map.entrySet()) {
          String name = (String) a.getKey();
          if (name.isBlank() || name.length() > maxString) {
            return false;
          }
          Object v = value(a.getValue());
          if (v == BAD) {
            return false;
          }
          int[] index = modelAttribute.get(name);
          if (index != null && v != null) {
            for (int t = 0; t < index.length; t++) {
              if (index[t] >= 0) {
                scorers[t].attribute(index[t], v);
              }
            }
          }
        }
        return true;
      }
      case STRUCT -> {
        if (row.isNullAt(FIRST_ATTRIBUTE)) {
          return true;
        }
        Row struct = row.getStruct(FIRST_ATTRIBUTE);
        for (int j = 0; j < columnToModel.length; j++) {
          if (!set(columnToModel[j], struct.get(j))) {
            return false;
          }
        }
        return true;
      }
      default -> {
        for (int j = 0; j < columnToModel.length; j++) {
          if (!set(columnToModel[j], row.get(FIRST_ATTRIBUTE + j))) {
            return false;
          }
        }
        return true;
      }
    }
  }

  /** Sets one attribute in every table that reads it; false when it is not valid. */
  private boolean set(int[] index, Object raw) {
    if (raw == null) {
      return true;
    }
    Object v = value(raw);
    if (v == BAD) {
      return false;
    }
    for (int t = 0; t < index.length; t++) {
      if (index[t] >= 0) {
        scorers[t].attribute(index[t], v);
      }
    }
    return true;
  }

  private static final Object BAD = new Object();

  /**
   * An attribute value as Spark gives it (string, boolean, number; {@link ArrayScorer} stores
   * it as {@link dev.scoring.api.Contact} does), null for absent, {@link #BAD} if the reader
   * would refuse it.
   */
  private Object value(Object raw) {
    if ((raw instanceof Double d && !Double.isFinite(d))
        || (raw instanceof Float f && !Float.isFinite(f))
        || (raw instanceof String s && s.length() > maxString)) {
      return BAD;
    }
    return raw;
  }

  /** Prepares this thread's scorers: the set compiled once per JVM, the column lookups. */
  private void start() {
    String json = modelJson.value();
    ModelSet set = MODELS.computeIfAbsent(fingerprint, f -> ModelSetJson.parse(json));
    int tables = set.tables().size();
    scorers = new ArrayScorer[tables];
    modelAttribute = new HashMap<>();
    for (int t = 0; t < tables; t++) {
      scorers[t] = ArrayScorer.of(set.tables().get(t));
      List<String> names = scorers[t].attributeNames();
      for (int a = 0; a < names.size(); a++) {
        int[] index = modelAttribute.computeIfAbsent(names.get(a), k -> absent(tables));
        index[t] = a;
      }
    }
    structFields = attributeNames;
    columnToModel = new int[structFields.length][];
    for (int j = 0; j < structFields.length; j++) {
      int[] index = modelAttribute.get(structFields[j]);
      columnToModel[j] = index != null ? index : absent(tables);
    }
    types = new int[tables][16];
    seconds = new long[16];
    nanos = new int[16];
    values = new double[16];
    asOf = Instant.ofEpochSecond(asOfSecond, asOfNano);
    owner = Thread.currentThread();
  }

  private static int[] absent(int tables) {
    int[] index = new int[tables];
    java.util.Arrays.fill(index, -1);
    return index;
  }

  /**
   * The result of a row the fast path does not accept: the Java contact reader decides. A
   * row it refuses gets null scores and its message; a row it accepts (the fast path is
   * stricter only where checking exactly would cost, e.g. an instant's range) is scored
   * from the contact the reader built, through the object API: the same bits.
   */
  private Row refused(Row row) {
    String json = json(row);
    Contact contact;
    try {
      contact = ContactJson.defaults().read(json);
    } catch (IllegalArgumentException e) {
      return error(message(e.getMessage(), json));
    }
    if (lastNonFinite != null) {
      // the reader reads the stand-in as infinite and refuses it: never reached; be safe
      return error("contact must hold finite numbers only, but had a non-finite one");
    }
    if (!perTable) {
      Score score = scorers[0].model().score(contact, asOf);
      return RowFactory.create(score.score(), score.raw(), score.fit(), score.engagement(),
          score.tier(), null);
    }
    Object[] out = new Object[scorers.length + 1];
    for (int t = 0; t < scorers.length; t++) {
      Score score = scorers[t].model().score(contact, asOf);
      out[t] = RowFactory.create(score.score(), score.raw(), score.fit(), score.engagement(),
          score.tier());
    }
    return RowFactory.create(out);
  }

  /** A refused row's result: no scores (no table struct for a set), the message. */
  private Row error(String message) {
    if (!perTable) {
      return RowFactory.create(null, null, null, null, null, message);
    }
    Object[] out = new Object[scorers.length + 1];
    out[scorers.length] = message;
    return RowFactory.create(out);
  }

  /**
   * The message the Java contact reader gives for this row: the row written as the JSON
   * contact it stands for, read by {@link ContactJson}. A non-finite number, which JSON cannot
   * hold, is written as {@value #HUGE} (which the reader reads as infinite) and named by its
   * value in the message.
   */
  private String json(Row row) {
    StringWriter out = new StringWriter();
    String[] nonFinite = new String[1];
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("id");
      writeValue(g, row.get(0), nonFinite);
      g.writeFieldName("attributes");
      g.writeStartObject();
      switch (source) {
        case MAP -> {
          if (!row.isNullAt(FIRST_ATTRIBUTE)) {
            for (Map.Entry<Object, Object> a : row.getJavaMap(FIRST_ATTRIBUTE).entrySet()) {
              g.writeFieldName((String) a.getKey());
              writeValue(g, a.getValue(), nonFinite);
            }
          }
        }
        case STRUCT -> {
          if (!row.isNullAt(FIRST_ATTRIBUTE)) {
            Row struct = row.getStruct(FIRST_ATTRIBUTE);
            for (int j = 0; j < structFields.length; j++) {
              g.writeFieldName(structFields[j]);
              writeValue(g, struct.get(j), nonFinite);
            }
          }
        }
        default -> {
          for (int j = 0; j < attributeNames.length; j++) {
            g.writeFieldName(attributeNames[j]);
            writeValue(g, row.get(FIRST_ATTRIBUTE + j), nonFinite);
          }
        }
      }
      g.writeEndObject();
      g.writeFieldName("events");
      g.writeStartArray();
      List<Row> events = row.isNullAt(1) ? List.of() : row.getList(1);
      for (Row e : events) {
        if (e == null) {
          g.writeNull();
          continue;
        }
        g.writeStartObject();
        g.writeFieldName("type");
        writeValue(g, e.get(0), nonFinite);
        g.writeFieldName("at");
        Object at = e.get(1);
        writeValue(g, at instanceof Long micros ? Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
            .toString() : at, nonFinite);
        if (!e.isNullAt(2)) {
          g.writeFieldName("value");
          writeValue(g, e.get(2), nonFinite);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lastNonFinite = nonFinite[0];
    return out.toString();
  }

  /** The first non-finite number {@link #json} wrote, as text ("NaN", "-Infinity"). */
  private transient String lastNonFinite;

  /** The reader's message, naming a non-finite number by its value rather than its stand-in. */
  private String message(String m, String json) {
    if (lastNonFinite != null && (m.endsWith(" but was " + HUGE)
        || m.endsWith(" but was -" + HUGE))) {
      int cut = m.lastIndexOf(" but was ") + " but was ".length();
      return m.substring(0, cut) + lastNonFinite;
    }
    return m;
  }

  /** Writes a value; a non-finite number as {@value #HUGE}, remembering the first one. */
  private static void writeValue(JsonGenerator g, Object v, String[] nonFinite)
      throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        if (nonFinite[0] == null) {
          nonFinite[0] = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        g.writeRawValue(d < 0 ? "-" + HUGE : HUGE);
      }
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else {
      g.writeString(String.valueOf(v));
    }
  }
}
