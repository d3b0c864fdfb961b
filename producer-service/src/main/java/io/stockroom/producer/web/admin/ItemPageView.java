package io.stockroom.producer.web.admin;

import io.stockroom.producer.catalogue.domain.Availability;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.StockView;
import io.stockroom.producer.web.Formats;
import io.stockroom.stock.ledger.domain.LedgerEntry;

import java.util.List;
import java.util.Map;

/** The item page's data as the template shows it. */
public record ItemPageView(String sku, String name, String brand, String category, String price,
                    Map<String, String> attributes, String availability, int totalAvailable, List<StockRow> stock) {

    public record StockRow(String location, int onHand, int reserved, int available, int lowStockThreshold,
                    String availability) {
    }

    public record MovementRow(String when, String location, String kind, int onHandDelta, int reservedDelta, String reason,
                       String actor) {

        static MovementRow of(LedgerEntry entry) {
            String note = entry.provenance().note();
            return new MovementRow(Formats.time(entry.provenance().at()), entry.key().location(),
                    Formats.words(entry.kind().name()), entry.onHandDelta(), entry.reservedDelta(),
                    note == null ? "" : note, entry.provenance().actor());
        }
    }

    static ItemPageView of(ItemDetail item) {
        List<StockRow> rows = item.stock().stream().filter(level -> !level.removed()).map(ItemPageView::row).toList();
        return new ItemPageView(item.sku(), item.details().name(), item.details().brand(), item.details().category(),
                Formats.money(item.details().price()), item.details().attributes(), item.availability().name(),
                item.available(), rows);
    }

    private static StockRow row(StockView level) {
        return new StockRow(level.location(), level.onHand(), level.reserved(), level.available(),
                level.lowStockThreshold(), Availability.of(level.available(), level.lowStockThreshold()).name());
    }
}
