/**
 * Ready-made examples for demos, documentation and tests: the seed B2B lead-scoring table
 * ({@link dev.scoring.core.examples.ExampleModels}, also as a model file) and reproducible
 * generated contacts for it ({@link dev.scoring.core.examples.ExampleContacts}). Not needed
 * to score; kept out of the main API package.
 */
package dev.scoring.core.examples;
