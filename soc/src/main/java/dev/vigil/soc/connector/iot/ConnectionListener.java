package dev.vigil.soc.connector.iot;

/**
 * Told when a subscription is connected to or disconnected from a workspace, after the change is
 * stored: what the "Create incidents" option hangs on. Called on the request's thread; an
 * exception fails the request (the connection stays as stored, and repeating the request calls
 * the listener again).
 */
public interface ConnectionListener {

    /** After every successful connect request, the first and any repeated one, with the flag now stored. */
    void connected(String workspaceId, String subscriptionId, boolean createIncidents);

    /** After a connected subscription was disconnected. */
    void disconnected(String workspaceId, String subscriptionId, boolean createIncidents);
}
