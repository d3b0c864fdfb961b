package io.stockroom.producer.catalogue.application;

import io.stockroom.producer.catalogue.domain.ReadModel;

/** Reads the stored catalogue, stock and locations (read-only) into a read model at start-up. */
public interface CatalogueSnapshot {

    /** @return how many documents were read */
    long loadInto(ReadModel model);
}
