package io.stockroom.producer.catalogue.domain;

import io.stockroom.contracts.location.LocationType;

/** A place that holds stock. */
public record LocationView(String code, String name, LocationType type, int priority, boolean active, long version) {
}
