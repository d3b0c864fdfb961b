package io.stockroom.stock.location.application;

import io.stockroom.contracts.location.LocationType;
import io.stockroom.stock.location.domain.Location;

import java.util.Optional;

/** The stored locations. */
public interface Locations {

    Optional<Location> find(String code);

    /** Stores a new location; false if the code is taken. */
    boolean insert(Location location);

    /**
     * Sets name, type and priority if any differs, bumping the version; returns the location as it is now (empty
     * when there is no such location).
     */
    Optional<Location> describe(String code, String name, LocationType type, int priority);

    /** Sets the active flag if it differs, bumping the version; returns the location as it is now. */
    Optional<Location> setActive(String code, boolean active);
}
