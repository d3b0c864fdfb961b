package io.stockroom.contracts.location;

import io.stockroom.contracts.Require;

/** Command: make a deactivated location eligible for orders again. */
public record ReactivateLocation(String commandId, String code) implements LocationCommand {

    public ReactivateLocation {
        Require.id("commandId", commandId);
        Require.location("code", code);
    }

    @Override
    public String subject() {
        return code;
    }
}
