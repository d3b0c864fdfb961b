package io.stockroom.contracts.location;

import io.stockroom.contracts.Require;

/** Command: stop sourcing orders from a location. Its stock records stay; it can be reactivated. */
public record DeactivateLocation(String commandId, String code) implements LocationCommand {

    public DeactivateLocation {
        Require.id("commandId", commandId);
        Require.location("code", code);
    }

    @Override
    public String subject() {
        return code;
    }
}
