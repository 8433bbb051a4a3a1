/**
 * Internals of the scoring vocabulary shared with the engine; exported to
 * {@code dev.scoring.core} only, not part of the public API.
 */
package dev.scoring.api.internal;
