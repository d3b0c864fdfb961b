package io.stockroom.order.sourcing.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Active locations in priority order (lower number first, then code): the first that can serve the whole line. */
public final class PrioritySourcing implements LocationSourcing {

    private static final Comparator<Candidate> PREFERRED_FIRST = Comparator.comparingInt(Candidate::priority)
            .thenComparing(Candidate::location);

    @Override
    public Optional<String> choose(List<Candidate> candidates, int quantity) {
        return candidates.stream().filter(Candidate::active).filter(candidate -> candidate.available() >= quantity)
                .min(PREFERRED_FIRST).map(Candidate::location);
    }
}
