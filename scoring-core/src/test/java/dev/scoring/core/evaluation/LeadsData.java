package dev.scoring.core.evaluation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.scoring.api.Contact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads the X Education {@code Leads.csv} (see {@code ../shared/datasets/leads_x_education})
 * into labelled contacts, as the file is.
 *
 * <ul>
 *   <li>The file ends every line, header included, with a comma then CRLF: the 38th column has
 *       an empty name and only empty values; it is checked and ignored.
 *   <li>{@code Prospect ID} is the contact id, {@code Converted} the label.
 *   <li>Left out because the sales team fills them in after contact (they leak the outcome):
 *       {@code Tags}, {@code Lead Quality}, {@code Lead Profile}, {@code Last Notable
 *       Activity} and the four {@code Asymmetrique} columns. {@code Lead Number} is a second
 *       id and is left out too.
 *   <li>Every other column is an attribute under its header name. An empty field and the form
 *       default {@code Select} mean absent. {@code Yes}/{@code No} become booleans;
 *       {@code Total Time Spent on Website} (seconds) a whole number; {@code Page Views Per
 *       Visit} a number. Other values stay strings exactly as written, case variants included
 *       ({@code google} and {@code Google}): {@link FeatureSpec.Categorical} groups them.
 *   <li>Behaviour becomes events, since the point rules of a scoring table score events:
 *       {@code TotalVisits = k} gives {@code k} events {@code website_visit}, and
 *       {@code Last Activity} one event whose type is the activity as written
 *       ({@code SMS Sent}). The file has no dates: every event is dated one day before
 *       {@link #AS_OF}. An empty {@code TotalVisits} (137 rows) gives no visit event; those
 *       rows also lack {@code Page Views Per Visit}, which stays absent.
 * </ul>
 */
final class LeadsData {
  static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant EVENTS_AT = AS_OF.minus(Duration.ofDays(1));
  static final String VISIT = "website_visit";
  static final Set<String> LEAKS = Set.of("Tags", "Lead Quality", "Lead Profile",
      "Last Notable Activity", "Asymmetrique Activity Index", "Asymmetrique Profile Index",
      "Asymmetrique Activity Score", "Asymmetrique Profile Score");
  static final Set<String> NOT_ATTRIBUTES = Set.of("Prospect ID", "Lead Number", "Converted",
      "TotalVisits", "Last Activity", "");

  private LeadsData() {}

  /** The data set's path, or a skipped test (a failure when SCORING_REQUIRE_SHARED=1). */
  static Path csv() {
    String shared = System.getProperty("shared.dir");
    Path path = shared == null ? null
        : Path.of(shared, "datasets", "leads_x_education", "Leads.csv");
    boolean present = path != null && Files.isReadable(path);
    if (!present && "1".equals(System.getenv("SCORING_REQUIRE_SHARED"))) {
      throw new AssertionError("Leads.csv must be readable (SCORING_REQUIRE_SHARED=1), but was "
          + "not found at " + path);
    }
    Assumptions.assumeTrue(present, "Leads.csv not found (system property shared.dir = "
        + shared + "); skipping");
    return path;
  }

  static List<LabeledContact> load(Path csv) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<LabeledContact> contacts = new ArrayList<>();
    try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(csv.toFile())) {
      String[] header = rows.next();
      if (header.length != 38 || !header[37].isEmpty()) {
        throw new IllegalStateException("Leads.csv header must have 37 named columns and an "
            + "empty 38th, but was " + Arrays.toString(header));
      }
      int line = 1;
      while (rows.hasNext()) {
        String[] row = rows.next();
        line++;
        if (row.length != 38 || !row[37].isEmpty()) {
          throw new IllegalStateException("Leads.csv line " + line + " must have 38 fields, the "
              + "last empty, but was " + Arrays.toString(row));
        }
        contacts.add(contact(header, row));
      }
    }
    return contacts;
  }

  private static LabeledContact contact(String[] header, String[] row) {
    Contact.Builder c = Contact.builder(row[index(header, "Prospect ID")]);
    boolean converted = switch (row[index(header, "Converted")]) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new IllegalStateException("Converted must be 0 or 1, but was "
          + row[index(header, "Converted")]);
    };
    for (int i = 0; i < header.length; i++) {
      String name = header[i];
      String v = row[i];
      if (LEAKS.contains(name) || NOT_ATTRIBUTES.contains(name) || v.isEmpty()
          || v.equals("Select")) {
        continue;
      }
      Object value = switch (name) {
        case "Total Time Spent on Website" -> Long.parseLong(v);
        case "Page Views Per Visit" -> Double.parseDouble(v);
        default -> v.equals("Yes") ? Boolean.TRUE : v.equals("No") ? Boolean.FALSE : v;
      };
      c.attribute(name, value);
    }
    String visits = row[index(header, "TotalVisits")];
    if (!visits.isEmpty()) {
      double k = Double.parseDouble(visits);
      if (k != Math.rint(k) || k < 0) {
        throw new IllegalStateException("TotalVisits must be a whole number, but was " + visits);
      }
      for (int j = 0; j < (int) k; j++) {
        c.event(VISIT, EVENTS_AT);
      }
    }
    String activity = row[index(header, "Last Activity")];
    if (!activity.isEmpty()) {
      c.event(activity, EVENTS_AT);
    }
    return LabeledContact.of(c.build(), converted);
  }

  private static int index(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("Leads.csv must have a column " + name + ", but has not");
  }

  /**
   * A seeded stratified split: converted and non-converted contacts, each in id order,
   * shuffled with {@code new Random(seed)} and cut at {@code share}. Returns {@code {train,
   * test}}.
   */
  static List<List<LabeledContact>> split(List<LabeledContact> all, double share, long seed) {
    Random random = new Random(seed);
    List<LabeledContact> train = new ArrayList<>();
    List<LabeledContact> test = new ArrayList<>();
    for (boolean label : new boolean[] {true, false}) {
      List<LabeledContact> stratum = new ArrayList<>(
          all.stream().filter(c -> c.converted() == label).toList());
      stratum.sort(Comparator.comparing(c -> c.contact().id()));
      java.util.Collections.shuffle(stratum, random);
      int cut = (int) Math.round(share * stratum.size());
      train.addAll(stratum.subList(0, cut));
      test.addAll(stratum.subList(cut, stratum.size()));
    }
    return List.of(train, test);
  }
}
