/**
 * Data connectors: the gallery of a workspace (what each connector brings in, what it needs,
 * whether it is connected and when its data last arrived) and the connector contract that each
 * connector's package implements ({@code iot}: Defender for IoT; {@code logs}: custom tables).
 */
package dev.vigil.soc.connector;
