/**
 * Kusto's geospatial functions in Java, run inside DuckDB as scalar functions. Kusto measures on a
 * sphere with geodesic edges, as S2 does (its distances match S2's mean Earth radius), so the
 * spherical geometry is S2's; H3 cells are Uber's H3; geohash is the public geohash encoding.
 * Shapes come and go as GeoJSON text; an invalid input gives null (or an empty string where Kusto
 * gives one), never an error.
 */
package dev.vigil.kql.geo;
