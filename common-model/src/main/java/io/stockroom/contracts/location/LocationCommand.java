package io.stockroom.contracts.location;

import io.stockroom.contracts.Command;

/** A change to the locations, handled by stock-management-consumer. */
public sealed interface LocationCommand extends Command permits CreateLocation, UpdateLocation, DeactivateLocation,
        ReactivateLocation {
}
