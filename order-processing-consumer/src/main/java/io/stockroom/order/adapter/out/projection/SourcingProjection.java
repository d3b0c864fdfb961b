package io.stockroom.order.adapter.out.projection;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockRecordRemoved;
import io.stockroom.order.application.StockPlaces;
import io.stockroom.stock.ledger.domain.StockLevel;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * This instance's in-memory view of locations, items and stock levels, kept from the events their owners publish
 * (and from the store's answers to this service's own reservations). Every entry keeps its writer's version and
 * only a newer one replaces it, so a snapshot read while events arrive, a late event and a repeated one all
 * converge on the newest state (as the producer's read side does, ADR 0005). A removed stock record leaves no
 * tombstone: a record created again under the same key starts its versions anew, and a late event of the old one
 * can at worst suggest a location whose reservation is then refused.
 */
public final class SourcingProjection implements StockPlaces {

    private record Versioned<T>(T value, long version) {
    }


    private final Map<String, Versioned<Place>> locations = new ConcurrentHashMap<>();
    private final Map<String, Versioned<Boolean>> items = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Versioned<Integer>>> stock = new ConcurrentHashMap<>();

    @Override
    public Optional<Place> location(String code) {
        return Optional.ofNullable(locations.get(code)).map(Versioned::value);
    }

    @Override
    public boolean itemExists(String sku) {
        Versioned<Boolean> live = items.get(sku);
        return live != null && live.value();
    }

    @Override
    public Map<String, Integer> availableAt(String sku) {
        Map<String, Versioned<Integer>> records = stock.get(sku);
        if (records == null) {
            return Map.of();
        }
        return records.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().value()));
    }

    @Override
    public void observed(StockLevel level) {
        holding(level.key().sku(), level.key().location(), level.available(), level.version());
    }

    @Override
    public void apply(Event event) {
        switch (event) {
            case LocationChanged e -> location(new Place(e.code(), e.priority(), e.active()), e.version());
            case ItemCreated e -> item(e.sku(), true, e.version());
            case ItemUpdated e -> item(e.sku(), true, e.version());
            case ItemDeleted e -> item(e.sku(), false, e.version());
            case StockChanged e -> holding(e.sku(), e.location(), e.levels().available(), e.version());
            case StockRecordRemoved e -> removed(e.sku(), e.location(), e.version());
            default -> { }
        }
    }

    public void location(Place place, long version) {
        locations.merge(place.code(), new Versioned<>(place, version), SourcingProjection::newer);
    }

    public void item(String sku, boolean live, long version) {
        items.merge(sku, new Versioned<>(live, version), SourcingProjection::newer);
    }

    public void holding(String sku, String location, int available, long version) {
        stock.computeIfAbsent(sku, key -> new ConcurrentHashMap<>())
                .merge(location, new Versioned<>(available, version), SourcingProjection::newer);
    }

    private void removed(String sku, String location, long version) {
        Map<String, Versioned<Integer>> records = stock.get(sku);
        if (records != null) {
            records.computeIfPresent(location, (code, current) -> current.version() <= version ? null : current);
        }
    }

    /** How many locations, items and stock records this view holds (for the start-up log and readiness). */
    public String size() {
        return locations.size() + " locations, " + items.size() + " items, "
                + stock.values().stream().mapToInt(Map::size).sum() + " stock records";
    }

    private static <T> Versioned<T> newer(Versioned<T> current, Versioned<T> candidate) {
        return candidate.version() > current.version() ? candidate : current;
    }
}
