/**
 * Ingestion: rows are checked and coerced against the table schema as Log Analytics does
 * ({@link dev.vigil.workspace.ingest.RowValidator}), then committed in groups by one writer
 * ({@link dev.vigil.workspace.ingest.GroupCommitter}) through an engine's {@link dev.vigil.workspace.ingest.BatchWriter}.
 */
package dev.vigil.workspace.ingest;
