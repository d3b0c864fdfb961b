package io.stockroom.producer.catalogue.application;

import io.stockroom.producer.catalogue.domain.Availability;
import io.stockroom.producer.catalogue.domain.CatalogueQuery;
import io.stockroom.producer.catalogue.domain.CataloguePage;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.catalogue.domain.StockAlertView;
import io.stockroom.producer.catalogue.domain.StockCounts;
import io.stockroom.stock.ledger.domain.LedgerEntry;

import java.util.List;
import java.util.Optional;

/** Everything a signed-in user can read about items, stock and locations; served from memory. */
public final class Catalogue {

    public static final int MOVEMENTS_LIMIT_MAX = 500;
    public static final int ALERTS_LIMIT_MAX = 1_000;

    private final ReadModel model;
    private final StockHistory history;

    public Catalogue(ReadModel model, StockHistory history) {
        this.model = model;
        this.history = history;
    }

    public CataloguePage search(CatalogueQuery query) {
        return model.search(query);
    }

    /** A search narrowed to items of one availability (null: any). */
    public CataloguePage search(CatalogueQuery query, Availability availability) {
        return availability == null ? model.search(query)
                : model.search(query, summary -> summary.availability() == availability);
    }

    /** The stock figures of dashboards and alerts, by the one definition in {@link StockCounts}. */
    public StockCounts counts() {
        CatalogueQuery one = new CatalogueQuery(null, null, null, null, null, null, 0, 1);
        long low = search(one, Availability.LOW).total();
        long out = search(one, Availability.OUT).total();
        long items = model.search(one).total();
        return new StockCounts(items, items - low - out, low, out, model.alerts(ALERTS_LIMIT_MAX).size());
    }

    public Optional<ItemDetail> item(String sku) {
        return model.item(sku);
    }

    public List<LocationView> locations() {
        return model.locations();
    }

    public List<String> brands() {
        return model.brands();
    }

    public List<String> categories() {
        return model.categories();
    }

    /** See {@link ReadModel#stockVersion(String)}. */
    public long stockVersion(String sku) {
        return model.stockVersion(sku);
    }

    /** "SKU=version,…" for the SKUs a page shows, rendered so its live stream can tell what it missed. */
    public String stockVersions(java.util.Collection<String> skus) {
        return skus.stream().distinct().map(sku -> sku + "=" + stockVersion(sku))
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Low and out-of-stock records, most urgent first, at most {@link #ALERTS_LIMIT_MAX}. */
    public List<StockAlertView> alerts() {
        return model.alerts(ALERTS_LIMIT_MAX);
    }

    /** The newest ledger entries of an item, newest first; {@code limit} is capped at {@link #MOVEMENTS_LIMIT_MAX}. */
    public List<LedgerEntry> movements(String sku, int limit) {
        return history.movements(sku, Math.clamp(limit, 1, MOVEMENTS_LIMIT_MAX));
    }
}
