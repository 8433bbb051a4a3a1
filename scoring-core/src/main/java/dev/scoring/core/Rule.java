package dev.scoring.core;

/**
 * A rule of a scoring table: an {@link AttributeRule}, an {@link EventRule}, an
 * {@link InactivityRule} or an {@link AggregateRule}. Every rule has an id unique in its
 * table and finite, non-zero points.
 */
public sealed interface Rule permits AttributeRule, EventRule, InactivityRule,
    AggregateRule {

  /**
   * Returns the rule's id.
   *
   * @return the id, unique in its table
   */
  String id();

  /**
   * Returns the points the rule contributes when it applies.
   *
   * @return the points, before decay
   */
  double points();
}
