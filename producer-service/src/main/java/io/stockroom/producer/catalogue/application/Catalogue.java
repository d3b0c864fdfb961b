package io.stockroom.producer.catalogue.application;

import io.stockroom.producer.catalogue.domain.CatalogueQuery;
import io.stockroom.producer.catalogue.domain.CataloguePage;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.catalogue.domain.StockAlertView;
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

    /** Low and out-of-stock records, most urgent first, at most {@link #ALERTS_LIMIT_MAX}. */
    public List<StockAlertView> alerts() {
        return model.alerts(ALERTS_LIMIT_MAX);
    }

    /** The newest ledger entries of an item, newest first; {@code limit} is capped at {@link #MOVEMENTS_LIMIT_MAX}. */
    public List<LedgerEntry> movements(String sku, int limit) {
        return history.movements(sku, Math.clamp(limit, 1, MOVEMENTS_LIMIT_MAX));
    }
}
