package io.stockroom.stock.location.domain;

import io.stockroom.contracts.location.LocationType;

/** A place that holds stock. An inactive location keeps its stock but receives nothing and serves no orders. */
public record Location(String code, String name, LocationType type, int priority, boolean active, long version) {

    /** True when {@code other} describes the same place (ignoring state and version): a repeated create. */
    public boolean sameDescriptionAs(String otherName, LocationType otherType, int otherPriority) {
        return name.equals(otherName) && type == otherType && priority == otherPriority;
    }
}
