package io.stockroom.order.sourcing.domain;

import io.stockroom.contracts.Require;

/**
 * A location that holds a stock record of the SKU being sourced, as sourcing sees it at one moment.
 *
 * @param priority lower numbers are preferred by {@link PrioritySourcing}
 */
public record Candidate(String location, int priority, boolean active, int available) {

    public Candidate {
        Require.location("location", location);
    }
}
