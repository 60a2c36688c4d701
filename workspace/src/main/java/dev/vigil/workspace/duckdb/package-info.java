/**
 * The DuckDB engine behind the workspace API: one database file per data directory, a schema per
 * workspace for its log tables, and the {@code vigil} schema for the catalog and control-plane
 * documents. Only {@link dev.vigil.workspace.duckdb.DuckDbStorage#open} is public.
 */
package dev.vigil.workspace.duckdb;
