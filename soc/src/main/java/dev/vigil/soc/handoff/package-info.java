/**
 * Durable hand-offs: a consumer reads what a producer committed (ingestion batches, a schedule,
 * a feed, a change stream), writes what it makes of it, and commits its position in the same
 * transaction, so that across restarts nothing is skipped and nothing is handed off twice. One
 * {@link dev.vigil.soc.handoff.DurableConsumer} holds that contract (cursor, commit, retry with
 * back-off, giving up, health) for every hand-off of the pipeline; it is also the seam where a
 * topic of a distributed log would replace a table and its checkpoint.
 */
package dev.vigil.soc.handoff;
