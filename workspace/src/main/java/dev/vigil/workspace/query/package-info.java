/**
 * Query support that does not depend on the engine: the query API's {@code timespan} and the
 * encoding of result values into the Log Analytics JSON form.
 */
package dev.vigil.workspace.query;
