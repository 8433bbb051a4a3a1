/**
 * Internal numerical helpers shared by the project's modules (exported only to them).
 */
package dev.scoring.core.math;
