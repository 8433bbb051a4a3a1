package dev.scoring.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoring.api.ModelException;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes model sets (SPEC section 11):
 * <code>{"name": ..., "version": ..., "tables": [table, ...]}</code>, each table as in
 * section 7. A file without {@code "tables"} is a single table file and reads as the set of
 * that one table ({@link ModelSet#of(ScoringTable)}). Errors name the JSON path: a table's
 * error is prefixed with {@code tables[i]}.
 *
 * <p>All methods are static and thread-safe; reading is linear in the size of the text.
 */
public final class ModelSetJson {
  private static final List<String> ROOT = List.of("name", "version", "tables");

  private ModelSetJson() {}

  /**
   * Reads a set, or a single table as a set of one, from JSON text with the default limits
   * (the limits apply to each table and to the whole text).
   *
   * @param json the file's content
   * @return the set
   * @throws ModelException if the text is not a valid set or table
   * @throws NullPointerException if {@code json} is null
   */
  public static ModelSet parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonLimits limits = JsonLimits.defaults();
    String text = !json.isEmpty() && json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    if (text.length() > limits.maxDocumentLength()) {
      throw new ModelException("", "model must be at most " + limits.maxDocumentLength()
          + " characters long, but was " + text.length());
    }
    ObjectNode root;
    try {
      root = ModelTree.read(JsonSupport.readerFactory(limits), limits,
          factory -> factory.createParser(text), "characters");
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
    ModelReplay replay = new ModelReplay(limits);
    if (!root.has("tables")) {
      return ModelSet.of(replay.replay(root));
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!ROOT.contains(name)) {
        String path = JsonSupport.field("", name);
        throw new ModelException(path, path + " must be a field of a model set ("
            + String.join(", ", ROOT) + "), but was unknown");
      }
    }
    ModelSet.Builder b = ModelSet.builder(string(root, "name", true));
    if (root.has("version")) {
      b.version(string(root, "version", false));
    }
    JsonNode tables = root.get("tables");
    if (!tables.isArray()) {
      throw new ModelException("tables", "tables must be a list of tables, but was "
          + JsonSupport.describe(tables));
    }
    for (int i = 0; i < tables.size(); i++) {
      String prefix = JsonSupport.index("tables", i);
      JsonNode node = tables.get(i);
      if (!node.isObject()) {
        throw new ModelException(prefix, prefix + " must be a JSON object, but was "
            + JsonSupport.describe(node));
      }
      if (node.has("tables")) {
        throw new ModelException(prefix + ".tables", prefix
            + ".tables must be absent (a set's tables are tables, not sets), but was present");
      }
      ScoringTable table;
      try {
        table = replay.replay((ObjectNode) node);
      } catch (ModelException e) {
        throw prefixed(prefix, e);
      }
      b.add(table);
    }
    return b.build();
  }

  /**
   * Reads a set, or a single table as a set of one, from a UTF-8 file.
   *
   * @param file the file
   * @return the set
   * @throws ModelException if the content is not a valid set or table
   * @throws IOException if reading fails or the bytes are not UTF-8
   */
  public static ModelSet read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Writes the canonical form of a set ({@link ModelSet#toJson()}) to a UTF-8 file.
   *
   * @param set  the set
   * @param file the file, replaced
   * @throws IOException if writing fails
   */
  public static void write(ModelSet set, Path file) throws IOException {
    Files.writeString(file, Objects.requireNonNull(set, "set").toJson(), StandardCharsets.UTF_8);
  }

  private static String string(ObjectNode root, String field, boolean required) {
    JsonNode v = root.get(field);
    if (v == null && required) {
      throw new ModelException(field, field + " must be present, but was missing");
    }
    if (v == null || !v.isTextual()) {
      throw new ModelException(field, field + " must be a string, but was "
          + JsonSupport.describe(v));
    }
    return v.textValue();
  }

  /** A table's error with its path under {@code tables[i]}. */
  private static ModelException prefixed(String prefix, ModelException e) {
    String path = e.path();
    String message = String.valueOf(e.getMessage());
    String full = path.isEmpty() ? prefix
        : path.startsWith("[") ? prefix + path : prefix + "." + path;
    String text;
    if (!path.isEmpty() && message.startsWith(path)) {
      text = full + message.substring(path.length());
    } else if (message.startsWith("the model ")) {
      text = prefix + message.substring("the model".length());
    } else if (message.startsWith("model ")) {
      text = prefix + message.substring("model".length());
    } else {
      text = full + ": " + message;
    }
    return new ModelException(full, text, e);
  }
}
