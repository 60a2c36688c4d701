/**
 * The text forms Kusto gives to datetime and timespan values, shared by ingestion (which parses
 * them) and query results (which print them).
 */
package dev.vigil.workspace.values;
