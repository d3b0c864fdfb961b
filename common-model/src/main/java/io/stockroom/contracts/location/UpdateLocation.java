package io.stockroom.contracts.location;

import io.stockroom.contracts.Require;

/**
 * Command: change a location's name, type or sourcing priority (its code, the key stock is recorded under, stays).
 * Whether it is active changes only through {@link DeactivateLocation} and {@link ReactivateLocation}.
 */
public record UpdateLocation(String commandId, String code, String name, LocationType type, int priority)
        implements LocationCommand {

    public UpdateLocation {
        Require.id("commandId", commandId);
        Require.location("code", code);
        name = Require.text("name", name, 200);
        Require.notNull("type", type);
        Require.inRange("priority", priority, 0, CreateLocation.PRIORITY_MAX);
    }

    @Override
    public String subject() {
        return code;
    }
}
