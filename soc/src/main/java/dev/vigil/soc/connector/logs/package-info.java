/** The generic logs-ingestion connector: custom {@code _CL} tables fed through the ingestion API. */
package dev.vigil.soc.connector.logs;
