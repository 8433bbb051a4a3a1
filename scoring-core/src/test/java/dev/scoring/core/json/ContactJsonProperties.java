package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.core.ModelArbitraries;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ContactJsonProperties {

  @Provide
  Arbitrary<Contact> contacts() {
    return writableContacts();
  }

  /** Contacts whose attribute names JSON can carry (no unpaired surrogate). */
  static Arbitrary<Contact> writableContacts() {
    return ModelArbitraries.contacts().filter(c -> c.attributes().keySet().stream()
        .noneMatch(JsonSupport::hasUnpairedSurrogate));
  }

  @Property(tries = 50)
  void anAttributeNameWithAnUnpairedSurrogateIsRefusedOnWriting(
      @ForAll("contacts") Contact contact) {
    Contact bad = contact.toBuilder().attribute("lone \uD800", 1).build();
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> ContactJson.toJson(bad));
    assertEquals("attribute names must be well-formed Unicode (no unpaired surrogate), but was"
        + " \"lone \\uD800\"", e.getMessage());
  }

  @Property(tries = 200)
  void aWrittenContactReadsBackEqual(@ForAll("contacts") Contact contact) {
    String line = ContactJson.toJson(contact);
    assertEquals(-1, line.indexOf('\n'));
    assertEquals(contact, ContactJson.defaults().read(line));
  }

  /** Contacts, and lines that are never a valid contact and never blank. */
  @Provide
  Arbitrary<List<Object>> linesOrGarbage() {
    Arbitrary<Object> garbage = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(s -> "x" + s),
        Arbitraries.integers().map(i -> "{\"id\":\"c\",\"unknown\":" + i + "}"),
        Arbitraries.of("{", "[]", "{\"id\":\"\"}", "{\"events\":[]}", "null"))
        .map(s -> (Object) new Garbage(s.replace('\n', ' ').replace('\r', ' ')));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, writableContacts().map(c -> (Object) c)),
        net.jqwik.api.Tuple.of(1, garbage)).list().ofMaxSize(30);
  }

  record Garbage(String text) {}

  @Property(tries = 100)
  void skipMode_returnsEveryGoodLineAndReportsEveryBadLine(
      @ForAll("linesOrGarbage") List<Object> lines) throws IOException {
    StringBuilder file = new StringBuilder();
    List<Contact> good = new ArrayList<>();
    List<Long> badLineNumbers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Object o = lines.get(i);
      if (o instanceof Contact c) {
        file.append(ContactJson.toJson(c));
        good.add(c);
      } else {
        file.append(((Garbage) o).text());
        badLineNumbers.add(i + 1L);
      }
      file.append(i % 3 == 0 ? "\r\n" : "\n");
    }
    List<BadLine> bad = new ArrayList<>();
    try (ContactLines read = ContactJson.defaults().lines(new StringReader(file.toString()),
        bad::add)) {
      assertEquals(good, read.stream().toList());
    }
    assertEquals(badLineNumbers, bad.stream().map(BadLine::line).toList());
  }
}
