package dev.scoring.cli;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Explanation;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.Vocabulary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a model covers a sample of contacts, to catch typos between the data and the model:
 * the rules that never matched any contact, and the attribute names and event types in the
 * data that no rule reads, each with the closest name the model does read (by edit
 * distance, ignoring case). A name within {@link #isLikelyTypo(String, String) typo
 * distance} of a model name, and a rule that never matched, are findings.
 *
 * <p>A rule matched a contact when it appears in the contact's {@link Explanation} (the
 * rules that contributed, as the kernel computes them). The names a model reads are its
 * {@link Vocabulary}'s: the attributes its conditions name and the event types its rules
 * score or count as activity.
 *
 * <p>Not thread-safe: fill it from one thread.
 */
final class Coverage {
  /** One name in the data that no rule reads. */
  record Unread(String name, long contacts, String closest, int distance) {
    boolean likelyTypo() {
      return closest != null && isLikelyTypo(name, closest);
    }
  }

  private final ScoringTable model;
  private final Instant asOf;
  private final Set<String> ruleIds = new LinkedHashSet<>();
  private final Set<String> matched = new LinkedHashSet<>();
  private final Set<String> attributes;
  private final Set<String> eventTypes;
  private final Map<String, Long> dataAttributes = new TreeMap<>();
  private final Map<String, Long> dataEventTypes = new TreeMap<>();
  private long contacts;

  Coverage(ScoringTable model, Instant asOf) {
    this.model = model;
    this.asOf = asOf;
    for (List<? extends Rule> rules : List.of(model.demographic(), model.behavioral(),
        model.negative())) {
      for (Rule r : rules) {
        ruleIds.add(r.id());
      }
    }
    Vocabulary v = Vocabulary.of(model);
    attributes = new LinkedHashSet<>(v.attributeValues().keySet());
    eventTypes = new LinkedHashSet<>(v.eventTypes());
    eventTypes.addAll(v.activityTypes());
  }

  /** Adds one contact of the sample. */
  void add(Contact contact) {
    contacts++;
    for (Explanation.Entry e : model.explain(contact, asOf).entries()) {
      matched.add(e.id());
    }
    for (String name : contact.attributes().keySet()) {
      dataAttributes.merge(name, 1L, Long::sum);
    }
    Set<String> types = new LinkedHashSet<>();
    for (Event e : contact.events()) {
      types.add(e.type());
    }
    for (String t : types) {
      dataEventTypes.merge(t, 1L, Long::sum);
    }
  }

  /** Returns the number of contacts added. */
  long contacts() {
    return contacts;
  }

  /** Returns the ids of the rules no contact matched, in model order. */
  List<String> unmatchedRules() {
    List<String> out = new ArrayList<>();
    for (String id : ruleIds) {
      if (!matched.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /** Returns the attribute names in the data that no condition reads, by name. */
  List<Unread> unreadAttributes() {
    return unread(dataAttributes, attributes);
  }

  /** Returns the event types in the data that no rule reads, by name. */
  List<Unread> unreadEventTypes() {
    return unread(dataEventTypes, eventTypes);
  }

  /** Returns whether anything here is a finding: a rule never matched, or a likely typo. */
  boolean hasFindings() {
    return !unmatchedRules().isEmpty()
        || unreadAttributes().stream().anyMatch(Unread::likelyTypo)
        || unreadEventTypes().stream().anyMatch(Unread::likelyTypo);
  }

  private static List<Unread> unread(Map<String, Long> inData, Set<String> read) {
    List<Unread> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : inData.entrySet()) {
      if (read.contains(e.getKey())) {
        continue;
      }
      String closest = null;
      int best = Integer.MAX_VALUE;
      for (String candidate : read) {
        int d = distance(e.getKey(), candidate);
        if (d < best) {
          best = d;
          closest = candidate;
        }
      }
      out.add(new Unread(e.getKey(), e.getValue(), closest, closest == null ? -1 : best));
    }
    return out;
  }

  /**
   * Whether a name in the data is probably a misspelling of a model's name: they differ,
   * and ignoring case they are at most {@code max(1, length / 4)} edits apart (length of
   * the shorter), so {@code sectr}/{@code sector} and {@code Sector}/{@code sector} are,
   * {@code country}/{@code age} is not.
   */
  static boolean isLikelyTypo(String name, String modelName) {
    int shorter = Math.min(name.length(), modelName.length());
    return !name.equals(modelName) && distance(name, modelName) <= Math.max(1, shorter / 4);
  }

  /** The Levenshtein distance of the lower-case forms: O(|a| |b|) time, O(|b|) memory. */
  static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }

  /** The coverage as a JSON-ready map. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("contacts", contacts);
    m.put("asOf", asOf.toString());
    m.put("unmatchedRules", unmatchedRules());
    m.put("unreadAttributes", unreadMaps(unreadAttributes()));
    m.put("unreadEventTypes", unreadMaps(unreadEventTypes()));
    return m;
  }

  private static List<Map<String, Object>> unreadMaps(List<Unread> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Unread u : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", u.name());
      m.put("contacts", u.contacts());
      m.put("closest", u.closest());
      m.put("distance", u.distance());
      m.put("likelyTypo", u.likelyTypo());
      out.add(m);
    }
    return out;
  }

  /** The coverage as text lines, each ending with {@code \n}. */
  String report(String source) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "coverage of %s (%,d contacts, as of %s)%n", source,
        contacts, asOf));
    List<String> unmatched = unmatchedRules();
    out.append("  rules that never matched: ")
        .append(unmatched.isEmpty() ? "none" : String.join(", ", unmatched)).append('\n');
    unreadText(out, "attributes", "rule attribute", unreadAttributes());
    unreadText(out, "event types", "rule event type", unreadEventTypes());
    return out.toString();
  }

  private static void unreadText(StringBuilder out, String what, String kind,
      List<Unread> list) {
    out.append("  ").append(what).append(" no rule reads:");
    if (list.isEmpty()) {
      out.append(" none\n");
      return;
    }
    out.append('\n');
    for (Unread u : list) {
      out.append(String.format(Locale.ROOT, "    \"%s\" (%,d contact%s)", u.name(), u.contacts(),
          u.contacts() == 1 ? "" : "s"));
      if (u.closest() != null) {
        out.append(", closest ").append(kind).append(" \"").append(u.closest()).append('"');
        if (u.likelyTypo()) {
          out.append(": likely a typo");
        }
      }
      out.append('\n');
    }
  }
}
