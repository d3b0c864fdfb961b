package io.stockroom.producer.catalogue.domain;

import io.stockroom.contracts.item.ItemDetails;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The in-memory read side of one producer instance: items, stock per (SKU, location) and locations. Every entry
 * carries the writer's version and an update only lands if it is newer, so events that arrive late or twice, and
 * the start-up snapshot racing with live events, always converge on the newest state. Deletions leave tombstones
 * for the same reason.
 */
public final class ReadModel {

    /** Upper bound on items held; the catalogue is a shop's, not a marketplace's. */
    public static final int ITEMS_MAX = 200_000;

    private final Map<String, ItemView> items = new ConcurrentHashMap<>();
    private final Map<String, Map<String, StockView>> stock = new ConcurrentHashMap<>();
    private final Map<String, LocationView> locations = new ConcurrentHashMap<>();

    /** Applies an item's state at {@code version}; returns true if it was newer than what was held. */
    public boolean applyItem(String sku, ItemDetails details, long version, boolean deleted) {
        if (!items.containsKey(sku) && items.size() >= ITEMS_MAX) {
            throw new IllegalStateException("read side holds " + ITEMS_MAX + " items already");
        }
        return newer(items, sku, new ItemView(sku, details, version, deleted), ItemView::version);
    }

    /** Applies a stock record's state at {@code version}; returns true if it was newer than what was held. */
    public boolean applyStock(String sku, StockView level) {
        return newer(stock.computeIfAbsent(sku, key -> new ConcurrentHashMap<>()), level.location(), level,
                StockView::version);
    }

    /** Applies a location's state at {@code version}; returns true if it was newer than what was held. */
    public boolean applyLocation(LocationView location) {
        return newer(locations, location.code(), location, LocationView::version);
    }

    private static <V> boolean newer(Map<String, V> map, String key, V candidate,
                                     java.util.function.ToLongFunction<V> version) {
        boolean[] changed = {false};
        map.compute(key, (k, held) -> {
            if (held == null || version.applyAsLong(candidate) > version.applyAsLong(held)) {
                changed[0] = true;
                return candidate;
            }
            return held;
        });
        return changed[0];
    }

    /** Live items matching the query, sorted and paged. */
    public CataloguePage search(CatalogueQuery query) {
        return search(query, summary -> true);
    }

    /** The same, narrowed further by what only a summary knows (its availability, for the admin's stock filter). */
    public CataloguePage search(CatalogueQuery query, Predicate<ItemSummary> also) {
        Predicate<ItemView> matching = matcher(query);
        List<ItemSummary> all = new ArrayList<>();
        for (ItemView item : items.values()) {
            if (!item.deleted() && matching.test(item)) {
                ItemSummary summary = summary(item);
                if (also.test(summary)) {
                    all.add(summary);
                }
            }
        }
        all.sort(query.sort().order());
        int from = (int) Math.min((long) query.page() * query.size(), all.size());
        int to = Math.min(from + query.size(), all.size());
        return new CataloguePage(all.subList(from, to), query.page(), query.size(), all.size());
    }

    private static Predicate<ItemView> matcher(CatalogueQuery query) {
        String q = query.q() == null ? null : query.q().toLowerCase(Locale.ROOT);
        return item -> {
            ItemDetails details = item.details();
            if (q != null && !details.name().toLowerCase(Locale.ROOT).contains(q)
                    && !details.brand().toLowerCase(Locale.ROOT).contains(q)
                    && !item.sku().toLowerCase(Locale.ROOT).contains(q)
                    && !details.category().toLowerCase(Locale.ROOT).contains(q)) {
                return false;
            }
            if (query.brand() != null && !details.brand().equalsIgnoreCase(query.brand())) {
                return false;
            }
            if (query.category() != null && !details.category().equalsIgnoreCase(query.category())) {
                return false;
            }
            if (query.minPrice() != null && details.price().amount().compareTo(query.minPrice()) < 0) {
                return false;
            }
            return query.maxPrice() == null || details.price().amount().compareTo(query.maxPrice()) <= 0;
        };
    }

    public Optional<ItemDetail> item(String sku) {
        ItemView item = items.get(sku);
        if (item == null || item.deleted()) {
            return Optional.empty();
        }
        List<StockView> levels = liveStock(sku).stream().sorted(Comparator.comparing(StockView::location)).toList();
        int available = availableAtActiveLocations(sku);
        return Optional.of(new ItemDetail(sku, item.details(), item.version(),
                Availability.of(available, item.details().lowStockThreshold()), available, levels));
    }

    /** Brands and categories present among live items, sorted, for filter menus. */
    public List<String> brands() {
        return items.values().stream().filter(i -> !i.deleted()).map(i -> i.details().brand()).distinct().sorted()
                .toList();
    }

    public List<String> categories() {
        return items.values().stream().filter(i -> !i.deleted()).map(i -> i.details().category()).distinct()
                .sorted().toList();
    }

    /** Every location, by priority then code. */
    public List<LocationView> locations() {
        return locations.values().stream()
                .sorted(Comparator.comparingInt(LocationView::priority).thenComparing(LocationView::code)).toList();
    }

    /** Records of live items at or below their threshold (LOW) or at zero (OUT), most urgent first. */
    public List<StockAlertView> alerts(int limit) {
        List<StockAlertView> alerts = new ArrayList<>();
        stock.forEach((sku, levels) -> {
            ItemView item = items.get(sku);
            if (item == null || item.deleted()) {
                return;
            }
            for (StockView level : levels.values()) {
                Availability availability = Availability.of(level.available(), level.lowStockThreshold());
                if (!level.removed() && availability != Availability.IN_STOCK) {
                    alerts.add(new StockAlertView(sku, item.details().name(), level.location(), level.available(),
                            level.lowStockThreshold(), availability));
                }
            }
        });
        return alerts.stream().sorted(Comparator.comparingInt(StockAlertView::available)
                .thenComparing(StockAlertView::sku).thenComparing(StockAlertView::location)).limit(limit).toList();
    }

    /**
     * A number that grows with every stock change of an item (the sum of its records' versions, removed ones
     * included): a page rendered with it can tell, when its live stream opens, whether it missed a change.
     */
    public long stockVersion(String sku) {
        return stock.getOrDefault(sku, Map.of()).values().stream().mapToLong(StockView::version).sum();
    }

    public int itemCount() {
        return (int) items.values().stream().filter(i -> !i.deleted()).count();
    }

    private ItemSummary summary(ItemView item) {
        int available = availableAtActiveLocations(item.sku());
        ItemDetails details = item.details();
        return new ItemSummary(item.sku(), details.name(), details.brand(), details.category(), details.price(),
                Availability.of(available, details.lowStockThreshold()), available);
    }

    private List<StockView> liveStock(String sku) {
        return stock.getOrDefault(sku, Map.of()).values().stream().filter(level -> !level.removed()).toList();
    }

    /** Units a shopper could order: locations that are unknown yet count, deactivated ones do not. */
    private int availableAtActiveLocations(String sku) {
        long sum = 0;
        for (StockView level : liveStock(sku)) {
            LocationView location = locations.get(level.location());
            if (location == null || location.active()) {
                sum += level.available();
            }
        }
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }
}
