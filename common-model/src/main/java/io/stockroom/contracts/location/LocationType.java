package io.stockroom.contracts.location;

/** Kinds of places that hold stock. */
public enum LocationType {
    WAREHOUSE,
    DARK_STORE,
    STORE
}
