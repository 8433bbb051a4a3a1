package dev.scoring.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ArrayScorer;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.JsonLimits;
import dev.scoring.core.json.ModelJson;
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
 * The function Spark calls once per contact row, on the executors: reads the row into the
 * reused primitive arrays of an {@link ArrayScorer} and returns the score struct, or the
 * Java contact reader's message for a row it would refuse.
 *
 * <p>Its input is {@code struct(id, events, attribute columns...)} with events as
 * {@code array<struct<type: string, at: bigint (epoch micros) or string, value: double>>}.
 * The model arrives as a broadcast of its canonical JSON and is compiled once per executor
 * JVM (cached by fingerprint). Spark deserialises one instance per task, so an instance is
 * used by one thread at a time; the scorer is nevertheless recreated if another thread calls.
 */
final class ContactRows implements UDF1<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final String COLUMNS = "columns";
  static final String MAP = "map";
  static final String STRUCT = "struct";
  private static final int FIRST_ATTRIBUTE = 2;
  /** Compiled models of this JVM, by fingerprint. */
  private static final Map<String, ScoringTable> MODELS = new ConcurrentHashMap<>();
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
  /** The attribute column names (COLUMNS), the struct's field names (STRUCT), or none. */
  private final String[] attributeNames;
  /** The reader's longest string (id, type, instant, attribute value). */
  private final int maxString = JsonLimits.defaults().maxStringLength();

  private transient Thread owner;
  private transient ArrayScorer scorer;
  private transient Map<String, Integer> modelAttribute;
  /** Per attribute column (COLUMNS) or struct field (STRUCT): the model's index, or -1. */
  private transient int[] columnToModel;
  private transient String[] structFields;
  private transient int[] types = new int[0];
  private transient long[] seconds;
  private transient int[] nanos;
  private transient double[] values;

  ContactRows(Broadcast<String> modelJson, String fingerprint, Instant asOf, String source,
      String[] attributeNames) {
    this.modelJson = modelJson;
    this.fingerprint = fingerprint;
    this.asOfSecond = asOf.getEpochSecond();
    this.asOfNano = asOf.getNano();
    this.source = source;
    this.attributeNames = attributeNames;
  }

  /**
   * Checks, on the driver, that the attribute columns (or the map's values, or the struct's
   * fields) have types an attribute can have: string, boolean, a number.
   */
  static void checkAttributeTypes(String source, List<String> names, List<DataType> types) {
    for (int j = 0; j < names.size(); j++) {
      DataType t = types.get(j);
      if (source.equals(MAP)) {
        check("contacts." + names.get(j) + " values", ((MapType) t).valueType());
      } else if (source.equals(STRUCT)) {
        for (StructField f : ((StructType) t).fields()) {
          check("contacts." + names.get(j) + "." + f.name(), f.dataType());
        }
      } else {
        check("contacts." + names.get(j), t);
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
    ArrayScorer s = scorer;
    String id = row.getString(0);
    if (id == null || id.isBlank() || id.length() > maxString) {
      return refused(row);
    }
    s.beginContact();
    if (!readAttributes(row, s)) {
      return refused(row);
    }
    List<Row> events = row.isNullAt(1) ? List.of() : row.getList(1);
    int n = events.size();
    if (types.length < n) {
      int size = Math.max(n, types.length * 2);
      types = new int[size];
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
      types[i] = s.typeId(type);
    }
    s.score(types, seconds, nanos, values, n, Instant.ofEpochSecond(asOfSecond, asOfNano));
    return RowFactory.create(s.score(), s.raw(), s.fit(), s.engagement(),
        s.tierName(s.tier()), null);
  }

  /** Sets the model's attributes from the row; false when an attribute is not valid. */
  private boolean readAttributes(Row row, ArrayScorer s) {
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
          Integer index = modelAttribute.get(name);
          if (index != null && v != null) {
            s.attribute(index, v);
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
          if (!set(s, columnToModel[j], struct.get(j))) {
            return false;
          }
        }
        return true;
      }
      default -> {
        for (int j = 0; j < columnToModel.length; j++) {
          if (!set(s, columnToModel[j], row.get(FIRST_ATTRIBUTE + j))) {
            return false;
          }
        }
        return true;
      }
    }
  }

  private boolean set(ArrayScorer s, int index, Object raw) {
    if (raw == null) {
      return true;
    }
    Object v = value(raw);
    if (v == BAD) {
      return false;
    }
    if (index >= 0 && v != null) {
      s.attribute(index, v);
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

  /** Prepares this thread's scorer: the model compiled once per JVM, the column lookups. */
  private void start() {
    String json = modelJson.value();
    ScoringTable model = MODELS.computeIfAbsent(fingerprint, f -> ModelJson.parse(json));
    scorer = ArrayScorer.of(model);
    List<String> names = scorer.attributeNames();
    modelAttribute = new HashMap<>();
    for (int a = 0; a < names.size(); a++) {
      modelAttribute.put(names.get(a), a);
    }
    structFields = attributeNames;
    columnToModel = new int[structFields.length];
    for (int j = 0; j < structFields.length; j++) {
      columnToModel[j] = modelAttribute.getOrDefault(structFields[j], -1);
    }
    types = new int[16];
    seconds = new long[16];
    nanos = new int[16];
    values = new double[16];
    owner = Thread.currentThread();
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
      return RowFactory.create(null, null, null, null, null, message(e.getMessage(), json));
    }
    if (lastNonFinite != null) {
      // the reader reads the stand-in as infinite and refuses it: never reached; be safe
      return RowFactory.create(null, null, null, null, null,
          "contact must hold finite numbers only, but had a non-finite one");
    }
    Score score = scorer.model().score(contact, Instant.ofEpochSecond(asOfSecond, asOfNano));
    return RowFactory.create(score.score(), score.raw(), score.fit(), score.engagement(),
        score.tier(), null);
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
