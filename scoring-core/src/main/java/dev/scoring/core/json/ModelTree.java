package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoring.api.ModelException;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * Reads one JSON document into a plain Jackson tree, token by token, with the limits of
 * the factory in force, refusing repeated fields and trailing content, and knowing the
 * JSON path of every failure. No data binding, no type information: strings, numbers,
 * booleans, nulls, arrays and objects only.
 *
 * <p>Not thread-safe: one instance per document.
 */
final class ModelTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonLimits limits;
  private final String unit;
  private String where = "";

  private ModelTree(JsonLimits limits, String unit) {
    this.limits = limits;
    this.unit = unit;
  }

  /** Reads from a parser the caller created (and closes). */
  static ObjectNode read(JsonFactory factory, JsonLimits limits, ParserSource source,
      String unit) throws IOException {
    ModelTree tree = new ModelTree(limits, unit);
    try (JsonParser p = source.open(factory)) {
      return tree.document(p);
    } catch (CharConversionException e) {
      throw tree.failure(e);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw tree.failure(e);
    }
  }

  /** Opens a parser on the input. */
  interface ParserSource {
    JsonParser open(JsonFactory factory) throws IOException;
  }

  private ModelException failure(IOException e) {
    JsonSupport.Problem p = JsonSupport.translate(e, where, "model", limits, unit);
    return new ModelException(p.path(), p.message(), e);
  }

  private ObjectNode document(JsonParser p) throws IOException {
    where = "";
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new ModelException("", "model must be a JSON object, but was empty");
    }
    JsonNode root = value(p, t, "");
    if (!root.isObject()) {
      throw new ModelException("",
          "model must be a JSON object, but was " + JsonSupport.describe(root));
    }
    where = "";
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new ModelException("", "model must be a single JSON object, but had more content at"
          + " line " + p.currentTokenLocation().getLineNr() + ", column "
          + p.currentTokenLocation().getColumnNr());
    }
    return (ObjectNode) root;
  }

  private JsonNode value(JsonParser p, JsonToken t, String path) throws IOException {
    if (t == null) {
      throw new ModelException(path, JsonSupport.where(path, "model")
          + " must be valid JSON, but the input ended early");
    }
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        String last = null;
        while (true) {
          where = path;
          JsonToken k;
          try {
            k = p.nextToken();
          } catch (IOException e) {
            // Jackson reads a scalar value together with its field name: blame the field
            String n = p.currentName();
            if (n != null && !n.equals(last)) {
              where = JsonSupport.field(path, n);
            }
            throw e;
          }
          if (k == JsonToken.END_OBJECT) {
            return o;
          }
          String name = p.currentName();
          last = name;
          String child = JsonSupport.field(path, name);
          if (o.has(name)) {
            throw new ModelException(child, child + " must appear once, but was repeated");
          }
          where = child;
          o.set(name, value(p, p.nextToken(), child));
        }
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        while (true) {
          where = path;
          String child = JsonSupport.index(path, a.size());
          where = child;
          JsonToken e = p.nextToken();
          if (e == JsonToken.END_ARRAY) {
            return a;
          }
          a.add(value(p, e, child));
        }
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new ModelException(path, JsonSupport.where(path, "model")
          + " must be a JSON value, but was " + t);
    }
  }
}
