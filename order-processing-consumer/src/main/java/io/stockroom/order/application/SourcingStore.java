package io.stockroom.order.application;

import io.stockroom.contracts.Event;

import java.util.List;

/**
 * The order service's own stored copy of what sourcing needs of locations and items (ADR 0008), kept from the
 * events their owners publish; each entry only ever moves to a newer version.
 */
public interface SourcingStore {

    /** Stores what these events say of locations and items; events of anything else are ignored. */
    void recordAll(List<Event> events);
}
