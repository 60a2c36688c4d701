/**
 * The Microsoft Defender for IoT data connector: connects IoT subscriptions to a workspace, keeps
 * which alert-feed versions fall within a connection, and streams every version of every alert of
 * a connected subscription's hubs into {@code SecurityAlert}, exactly once, resuming from a
 * checkpoint committed with the rows.
 */
package dev.vigil.soc.connector.iot;
