package io.stockroom.stock.location.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.DeactivateLocation;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationCommand;
import io.stockroom.contracts.location.ReactivateLocation;
import io.stockroom.contracts.location.UpdateLocation;
import io.stockroom.stock.CommandContext;
import io.stockroom.stock.location.domain.Location;

import java.util.List;
import java.util.Optional;

/** Registers, updates, deactivates and reactivates locations. Each method returns the events to publish. */
public final class LocationCommands {

    private final Locations locations;

    public LocationCommands(Locations locations) {
        this.locations = locations;
    }

    /** A repeated create with the same description is a success; a different place under a taken code is not. */
    public List<Event> create(CreateLocation command, CommandContext context) {
        Location location = new Location(command.code(), command.name(), command.type(), command.priority(), true, 1);
        if (!locations.insert(location)) {
            Location existing = locations.find(command.code()).orElseThrow();
            if (!existing.sameDescriptionAs(command.name(), command.type(), command.priority())) {
                return List.of(CommandOutcome.rejected(command, RejectionCode.LOCATION_EXISTS, "Location "
                        + command.code() + " already exists as '" + existing.name() + "'", context.now()));
            }
            location = existing;
        }
        return List.of(changed(location, LocationChanged.Change.REGISTERED, context),
                CommandOutcome.applied(command, "Location " + command.code() + " registered", context.now()));
    }

    /** Renames a location or changes its type or priority; the same change twice is applied once. */
    public List<Event> update(UpdateLocation command, CommandContext context) {
        Optional<Location> updated = locations.describe(command.code(), command.name(), command.type(),
                command.priority());
        if (updated.isEmpty()) {
            return List.of(CommandOutcome.rejected(command, RejectionCode.UNKNOWN_LOCATION,
                    "There is no location " + command.code(), context.now()));
        }
        return List.of(changed(updated.get(), LocationChanged.Change.UPDATED, context),
                CommandOutcome.applied(command, "Location " + command.code() + " saved", context.now()));
    }

    public List<Event> deactivate(DeactivateLocation command, CommandContext context) {
        return setActive(command, command.code(), false, context);
    }

    public List<Event> reactivate(ReactivateLocation command, CommandContext context) {
        return setActive(command, command.code(), true, context);
    }

    private List<Event> setActive(LocationCommand command, String code, boolean active, CommandContext context) {
        Optional<Location> updated = locations.setActive(code, active);
        if (updated.isEmpty()) {
            return List.of(CommandOutcome.rejected(command, RejectionCode.UNKNOWN_LOCATION,
                    "There is no location " + code, context.now()));
        }
        LocationChanged.Change change = active ? LocationChanged.Change.REACTIVATED
                : LocationChanged.Change.DEACTIVATED;
        return List.of(changed(updated.get(), change, context), CommandOutcome.applied(command,
                "Location " + code + (active ? " is active" : " is inactive"), context.now()));
    }

    private static LocationChanged changed(Location location, LocationChanged.Change change, CommandContext context) {
        return new LocationChanged(location.code(), location.name(), location.type(), location.priority(),
                location.active(), change, location.version(), context.now());
    }
}
