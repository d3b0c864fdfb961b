package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.item.Money;
import io.stockroom.producer.api.ApiController;
import io.stockroom.producer.api.ApiException;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.CatalogueQuery;
import io.stockroom.producer.catalogue.domain.CataloguePage;
import io.stockroom.producer.catalogue.domain.CatalogueSort;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.StockAlertView;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads for every signed-in user (movements and alerts for admins), all from the in-memory read side. */
@ApiController("api.catalogueController")
class CatalogueController {

    record StockRow(String location, int onHand, int reserved, int available, int lowStockThreshold, long version) {
    }

    record ItemResponse(String sku, String name, String brand, String category, Money price,
                        Map<String, String> attributes, int lowStockThreshold, long version, String availability,
                        int available, List<StockRow> stock) {

        static ItemResponse of(ItemDetail d) {
            return new ItemResponse(d.sku(), d.details().name(), d.details().brand(), d.details().category(),
                    d.details().price(), d.details().attributes(), d.details().lowStockThreshold(), d.version(),
                    d.availability().name(), d.available(), d.stock().stream().map(s -> new StockRow(s.location(),
                    s.onHand(), s.reserved(), s.available(), s.lowStockThreshold(), s.version())).toList());
        }
    }

    record Movement(String operationId, String location, String kind, int onHandDelta, int reservedDelta,
                    String actor, String correlationId, String note, Instant at) {

        static Movement of(LedgerEntry e) {
            return new Movement(e.operationId(), e.key().location(), e.kind().name(), e.onHandDelta(),
                    e.reservedDelta(), e.provenance().actor(), e.provenance().correlationId(), e.provenance().note(),
                    e.provenance().at());
        }
    }

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/items")
    CataloguePage search(@RequestParam(required = false) String q, @RequestParam(required = false) String brand,
                         @RequestParam(required = false) String category,
                         @RequestParam(required = false) BigDecimal minPrice,
                         @RequestParam(required = false) BigDecimal maxPrice,
                         @RequestParam(required = false) String sort,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        return catalogue.search(new CatalogueQuery(q, brand, category, minPrice, maxPrice, CatalogueSort.parse(sort),
                page, size));
    }

    @GetMapping("/api/items/{sku}")
    ItemResponse item(@PathVariable String sku) {
        return catalogue.item(sku).map(ItemResponse::of).orElseThrow(() -> ApiException.notFound("Item " + sku));
    }

    @GetMapping("/api/items/{sku}/movements")
    List<Movement> movements(@PathVariable String sku, @RequestParam(defaultValue = "50") int limit) {
        return catalogue.movements(sku, limit).stream().map(Movement::of).toList();
    }

    @GetMapping("/api/locations")
    List<LocationView> locations() {
        return catalogue.locations();
    }

    @GetMapping("/api/stock/alerts")
    List<StockAlertView> alerts() {
        return catalogue.alerts();
    }
}
