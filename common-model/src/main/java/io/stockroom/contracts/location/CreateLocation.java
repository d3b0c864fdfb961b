package io.stockroom.contracts.location;

import io.stockroom.contracts.Require;

/**
 * Command: register a place that holds stock.
 *
 * @param priority lower is preferred by the priority sourcing strategy (0 = first choice)
 */
public record CreateLocation(String commandId, String code, String name, LocationType type,
                             int priority) implements LocationCommand {

    public static final int PRIORITY_MAX = 10_000;

    public CreateLocation {
        Require.id("commandId", commandId);
        Require.location("code", code);
        name = Require.text("name", name, 200);
        Require.notNull("type", type);
        Require.inRange("priority", priority, 0, PRIORITY_MAX);
    }

    @Override
    public String subject() {
        return code;
    }
}
