package io.stockroom.order.sourcing.domain;

import io.stockroom.contracts.order.SourcingStrategy;

import java.util.List;
import java.util.Optional;

/**
 * Picks the location a line without a named location is reserved at. The choice is advice read from a moment's
 * snapshot: the reservation itself is still the guarded update, so a choice that a competitor made stale only means
 * that reservation is refused, never that stock is oversold.
 */
public interface LocationSourcing {

    /** An active location that could serve {@code quantity}, or empty when none can. */
    Optional<String> choose(List<Candidate> candidates, int quantity);

    /** The implementation of the strategy a shopper's order names. */
    static LocationSourcing of(SourcingStrategy strategy) {
        return switch (strategy) {
            case MOST_AVAILABLE -> new MostAvailableSourcing();
            case PRIORITY -> new PrioritySourcing();
        };
    }
}
