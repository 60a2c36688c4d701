package dev.vigil.soc.connector.iot;

/**
 * What a connect request did.
 *
 * @param created whether the subscription was not connected before (false for a repeated connect)
 */
public record ConnectOutcome(SubscriptionState state, boolean created) {
}
