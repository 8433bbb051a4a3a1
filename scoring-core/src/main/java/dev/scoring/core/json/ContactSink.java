package dev.scoring.core.json;

/**
 * Where the contact reader writes what it reads, one contact at a time, without building a
 * {@link dev.scoring.api.Contact} or a {@code String} per line: {@link ContactJson} feeds
 * {@code Contact} objects through one, {@link dev.scoring.core.ContactTable.Builder#sink()}
 * appends straight to a table's columns.
 *
 * <p>For each line holding a contact the reader calls {@link #begin(long)}, then
 * {@link #id}, the {@code attribute} methods and the {@code event} methods in the order the
 * fields appear in the line (so the id may come last), then {@link #end()} once the whole
 * line has been read and found valid. When the line turns out to be bad, it calls
 * {@link #abort()} instead of {@code end()}: the sink must then forget everything since
 * {@code begin}. The same line may then be begun again: the reader reads many lines with one
 * parser, and when something there is not exactly one valid contact on its line, it aborts
 * the contact in hand and reads from its line again one line at a time; so a line gets
 * {@code end()} at most once, and only a line that is valid. Values arrive validated (SPEC
 * section 1): a non-blank id (or, for a sink
 * that {@linkplain #takesBlankIds() takes blank ids}, a non-empty one), non-blank
 * attribute names each at most once per contact, finite numbers, non-blank event types,
 * instants in the SPEC's range; {@code null} attributes are not passed at all.
 *
 * <p>A sink may refuse what it cannot hold (a table's limit on event types, for instance) by
 * throwing an {@link IllegalArgumentException} whose message completes the sentence
 * {@code "<path> must ..."}; the reader turns it into a {@link ContactJsonException} for the
 * line, with the path of the value, and calls {@link #abort()}.
 *
 * <p>Implementations need not be thread-safe: a reader calls one sink from one thread.
 */
public interface ContactSink {

  /**
   * Starts a contact.
   *
   * @param line the line number from 1, or 0 for a single document
   */
  void begin(long line);

  /**
   * Sets the contact's id.
   *
   * @param id a non-blank id, or a non-empty one when {@link #takesBlankIds()}
   */
  void id(String id);

  /**
   * Whether ids that are blank but not empty (<code>" "</code>) are passed to this sink:
   * false for contacts, whose ids are non-blank (SPEC section 1), true for a reader of
   * account records, whose ids are any non-empty string (SPEC section 12). The empty id is
   * refused either way. The reader asks once per line.
   *
   * @return whether blank ids are taken; false unless overridden
   */
  default boolean takesBlankIds() {
    return false;
  }

  /**
   * Sets a string attribute.
   *
   * @param name  a non-blank name
   * @param value the value
   */
  void attribute(String name, String value);

  /**
   * Sets a whole-number attribute (one that fits a {@code long}).
   *
   * @param name  a non-blank name
   * @param value the value
   */
  void attribute(String name, long value);

  /**
   * Sets a number attribute that is not a {@code long}.
   *
   * @param name  a non-blank name
   * @param value a finite number
   */
  void attribute(String name, double value);

  /**
   * Sets a boolean attribute.
   *
   * @param name  a non-blank name
   * @param value the value
   */
  void attribute(String name, boolean value);

  /**
   * Adds an event.
   *
   * @param type        a non-blank event type
   * @param epochSecond its instant's seconds from 1970-01-01T00:00:00Z
   * @param nano        its instant's nanoseconds, {@code 0..999,999,999}
   * @param hasValue    whether the event carries a value
   * @param value       the value when {@code hasValue} (finite), else 0
   */
  void event(String type, long epochSecond, int nano, boolean hasValue, double value);

  /** Ends the contact: the whole line was valid. */
  void end();

  /** Forgets the contact begun last: its line was bad. */
  void abort();
}
