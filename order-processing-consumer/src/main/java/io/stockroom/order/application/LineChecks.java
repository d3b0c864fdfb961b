package io.stockroom.order.application;

import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.order.domain.OrderLineState;
import io.stockroom.order.sourcing.domain.Candidate;
import io.stockroom.order.sourcing.domain.LocationSourcing;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockLevel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where a line can be served and, when it cannot, why. Everything here reads memory (see
 * {@link StockPlaces}): the guarded reservation in the ledger has the last word, these checks only pick a location
 * and explain refusals.
 */
final class LineChecks {

    private final StockPlaces places;

    LineChecks(StockPlaces places) {
        this.places = places;
    }

    /** Where sourcing would serve a line that has no location: a location, or why there is none. */
    sealed interface Sourced {
        record At(String location) implements Sourced {
        }

        record Nowhere(LineRejection rejection) implements Sourced {
        }
    }

    Sourced source(OrderLineState line, SourcingStrategy strategy) {
        return source(line, strategy, Map.of());
    }

    /**
     * @param planned units of each location that earlier lines of the same batch are about to reserve, which
     *                sourcing treats as gone
     */
    Sourced source(OrderLineState line, SourcingStrategy strategy, Map<String, Integer> planned) {
        Map<String, Integer> available = places.availableAt(line.sku());
        List<Candidate> candidates = available.entrySet().stream().flatMap(at -> places.location(at.getKey())
                .map(place -> new Candidate(place.code(), place.priority(), place.active(),
                        at.getValue() - planned.getOrDefault(at.getKey(), 0)))
                .stream()).toList();
        Optional<String> chosen = LocationSourcing.of(strategy).choose(candidates, line.quantity());
        if (chosen.isPresent()) {
            return new Sourced.At(chosen.get());
        }
        if (available.isEmpty() && !places.itemExists(line.sku())) {
            return new Sourced.Nowhere(unknownSku(line));
        }
        int best = candidates.stream().filter(Candidate::active).mapToInt(Candidate::available).max().orElse(0);
        return new Sourced.Nowhere(new LineRejection(line.lineNo(), line.sku(), null, RejectionReason.OUT_OF_STOCK,
                "No active location has " + line.quantity() + " of " + line.sku() + " available (best: " + best
                        + ")"));
    }

    /** Why the line's location cannot serve orders (unknown or inactive), or empty when it can. */
    Optional<LineRejection> checkLocation(OrderLineState line) {
        Optional<StockPlaces.Place> place = places.location(line.location());
        if (place.isEmpty()) {
            return Optional.of(new LineRejection(line.lineNo(), line.sku(), line.location(),
                    RejectionReason.UNKNOWN_LOCATION, "There is no location " + line.location()));
        }
        if (!place.get().active()) {
            return Optional.of(new LineRejection(line.lineNo(), line.sku(), line.location(),
                    RejectionReason.LOCATION_INACTIVE, "Location " + line.location() + " is inactive"));
        }
        return Optional.empty();
    }

    /** Explains a refused reservation in the shopper's terms. */
    LineRejection refused(OrderLineState line, MovementResult.Refused refused) {
        return switch (refused.refusal()) {
            case INSUFFICIENT_AVAILABLE -> outOfStock(line, refused.current());
            case NO_STOCK_RECORD -> places.availableAt(line.sku()).isEmpty() && !places.itemExists(line.sku())
                    ? unknownSku(line) : outOfStock(line, null);
            default -> throw new IllegalStateException("a reservation cannot be refused for " + refused.refusal());
        };
    }

    /**
     * Why a line that was not tried (an earlier line failed) could not have been served either, or else that it
     * was let go because of the other line. No stock is touched.
     */
    LineRejection assess(OrderLineState line, SourcingStrategy strategy) {
        if (!line.hasLocation()) {
            return switch (source(line, strategy)) {
                case Sourced.Nowhere nowhere -> nowhere.rejection();
                case Sourced.At at -> releasedForOther(line, at.location());
            };
        }
        Optional<LineRejection> badLocation = checkLocation(line);
        if (badLocation.isPresent()) {
            return badLocation.get();
        }
        Map<String, Integer> available = places.availableAt(line.sku());
        Integer here = available.get(line.location());
        if (here == null) {
            return available.isEmpty() && !places.itemExists(line.sku()) ? unknownSku(line) : outOfStock(line, 0);
        }
        return here < line.quantity() ? outOfStock(line, here) : releasedForOther(line, line.location());
    }

    static LineRejection releasedForOther(OrderLineState line, String location) {
        return new LineRejection(line.lineNo(), line.sku(), location, RejectionReason.RELEASED_OTHER_LINE_FAILED,
                "Could have been served, but the order takes all its lines or none");
    }

    private static LineRejection outOfStock(OrderLineState line, StockLevel level) {
        return outOfStock(line, level == null ? 0 : level.available());
    }

    private static LineRejection outOfStock(OrderLineState line, int availableThere) {
        int available = Math.max(availableThere, 0);
        return new LineRejection(line.lineNo(), line.sku(), line.location(), RejectionReason.OUT_OF_STOCK,
                "Only " + available + " of " + line.sku() + " available at " + line.location() + ", "
                        + line.quantity() + " asked");
    }

    private static LineRejection unknownSku(OrderLineState line) {
        return new LineRejection(line.lineNo(), line.sku(), line.location(), RejectionReason.UNKNOWN_SKU,
                "There is no item " + line.sku());
    }
}
