/**
 * Implementation shared by the packages of this module: how a string attribute reads as a
 * number or a boolean (SPEC section 3) and which attribute values can satisfy a set of
 * conditions; strict UTF-8 for the contact reader and the ids of contact tables. Not
 * exported: nothing here is API.
 */
package dev.scoring.core.internal;
