/**
 * Governance of the queries people run through the HTTP API and the console's Logs page: how
 * many may run at once, in all
 * and per caller ({@link dev.vigil.server.query.QueryAdmission}), which are running and who may
 * cancel them ({@link dev.vigil.server.query.RunningQueries}), and the {@code LAQueryLogs} table
 * that records each one ({@link dev.vigil.server.query.QueryLog}). Vigil's own queries (rules,
 * detection, connectors) call the log store directly and are governed by none of this.
 */
package dev.vigil.server.query;
