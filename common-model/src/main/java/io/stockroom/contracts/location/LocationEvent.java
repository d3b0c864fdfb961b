package io.stockroom.contracts.location;

import io.stockroom.contracts.Event;

/** A change to a location, published by stock-management-consumer. */
public sealed interface LocationEvent extends Event permits LocationChanged {
}
