package io.stockroom.order.sourcing.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The active location with the most units available (ties: lower priority number, then code), if it has enough. */
public final class MostAvailableSourcing implements LocationSourcing {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::available).reversed()
            .thenComparingInt(Candidate::priority).thenComparing(Candidate::location);

    @Override
    public Optional<String> choose(List<Candidate> candidates, int quantity) {
        return candidates.stream().filter(Candidate::active).min(BEST_FIRST)
                .filter(best -> best.available() >= quantity).map(Candidate::location);
    }
}
