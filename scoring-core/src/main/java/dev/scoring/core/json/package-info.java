/**
 * Models and contacts as JSON.
 *
 * <ul>
 *   <li>Model files (SPEC section 7): {@link dev.scoring.core.json.ModelJson} reads them
 *       (under the default {@link dev.scoring.core.json.JsonLimits} or given ones) and
 *       writes the canonical form; {@link dev.scoring.core.json.CanonicalJson} is that form
 *       and its fingerprint.
 *       A file is read into a plain JSON tree, without data binding or type information,
 *       and replayed onto {@link dev.scoring.core.ScoringTable#builder(String)}, so a file is
 *       validated exactly as Java code is; every rejection is a
 *       {@link dev.scoring.api.ModelException} carrying the JSON path.
 *   <li>Contacts (SPEC section 1): {@link dev.scoring.core.json.ContactJson} reads one
 *       document, or NDJSON lazily as {@link dev.scoring.core.json.ContactLines}, straight
 *       into a {@link dev.scoring.core.ContactTable} or into any
 *       {@link dev.scoring.core.json.ContactSink}, fail-fast or skip-and-report
 *       ({@link dev.scoring.core.json.BadLine}), all through one reader; errors are
 *       {@link dev.scoring.core.json.ContactJsonException}s.
 *   <li>Scores out: {@link dev.scoring.core.json.ScoreLines} writes NDJSON score lines, with
 *       explanations when asked.
 * </ul>
 *
 * <p>Readers and writers of whole documents are immutable and thread-safe; the streaming
 * {@code ContactLines} and {@code ScoreLines} belong to one thread at a time.
 */
package dev.scoring.core.json;
