package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.stock.AdjustmentReason;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.producer.catalogue.domain.Availability;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.StockView;
import io.stockroom.producer.web.Formats;
import io.stockroom.producer.web.Stamp;
import io.stockroom.stock.ledger.domain.LedgerEntry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The item page's data as the template shows it. {@code totalAvailable} and {@code availability} follow the one
 * definition of stock counts (units at active locations against the item's low-stock level); each row's status
 * compares that location's units with that location's own level.
 */
public record ItemPageView(String sku, String name, String brand, String category, String price,
                           Map<String, String> attributes, String availability, int totalAvailable, int lowLevel,
                           long version, List<StockRow> stock) {

    /** @param active false for a deactivated location: its units are not offered to shoppers */
    public record StockRow(String location, String locationName, boolean active, int onHand, int reserved,
                           int available, int lowStockThreshold, String availability) {
    }

    /** One ledger entry; {@code orderId} links an order's movement to its order page (null otherwise). */
    public record MovementRow(Stamp when, String location, String kind, int onHandDelta, int reservedDelta,
                              String reason, String actor, String orderId) {

        static MovementRow of(LedgerEntry entry) {
            String note = entry.provenance().note();
            Matcher order = note == null ? null : ORDER_ID.matcher(note);
            String orderId = order != null && order.find() ? order.group() : null;
            String text = orderId == null ? note(note)
                    : note(note).replace(orderId, orderId.substring(4, 12).toUpperCase(Locale.ROOT));
            return new MovementRow(Stamp.of(entry.provenance().at()), entry.key().location(), ItemPageView.kind(entry.kind()),
                    entry.onHandDelta(), entry.reservedDelta(), capitalised(text), entry.provenance().actor(),
                    orderId);
        }
    }

    private static final Pattern ORDER_ID = Pattern.compile("ord-[0-9a-f]{8}-[0-9a-f-]{27}");

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static ItemPageView of(ItemDetail item, List<LocationView> locations) {
        Map<String, LocationView> byCode = locations.stream()
                .collect(Collectors.toMap(LocationView::code, Function.identity()));
        List<StockRow> rows = item.stock().stream().filter(level -> !level.removed())
                .map(level -> row(level, byCode.get(level.location()))).toList();
        return new ItemPageView(item.sku(), item.details().name(), item.details().brand(), item.details().category(),
                Formats.money(item.details().price()), item.details().attributes(), item.availability().name(),
                item.available(), item.details().lowStockThreshold(), item.version(), rows);
    }

    private static StockRow row(StockView level, LocationView location) {
        return new StockRow(level.location(), location == null ? "" : location.name(),
                location == null || location.active(), level.onHand(), level.reserved(), level.available(),
                level.lowStockThreshold(),
                Availability.of(level.available(), level.lowStockThreshold()).name());
    }

    static String kind(MovementKind kind) {
        return switch (kind) {
            case RESERVED -> "Reserved for an order";
            case RELEASED -> "Released by an order";
            case FULFILLED -> "Shipped with an order";
            case THRESHOLD_CHANGED -> "Low-stock level changed";
            default -> Formats.words(kind.name());
        };
    }

    /** An adjustment's note starts with its reason's code ("DAMAGED: …"): show the reason in words. */
    static String note(String note) {
        if (note == null) {
            return "";
        }
        for (AdjustmentReason reason : AdjustmentReason.values()) {
            if (note.equals(reason.name()) || note.startsWith(reason.name() + ":")) {
                return Formats.words(reason.name()) + note.substring(reason.name().length());
            }
        }
        return note;
    }
}
