package io.stockroom.contracts.location;

import io.stockroom.contracts.Require;

/** Command: stop sourcing orders from a location. Its stock records stay; it can be reactivated. */
public record DeactivateLocation(String commandId, String code) {

    public DeactivateLocation {
        Require.id("commandId", commandId);
        Require.location("code", code);
    }
}
