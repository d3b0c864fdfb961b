package io.stockroom.producer.order.application;

import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.ItemDetail;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.StockView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a shopper wants (SKU → units) into order lines, using the read side's stock. A shop shows the units
 * available across all active locations, but a line is reserved at one location; so a quantity that no single
 * location holds is split into lines at named locations, most stocked first. That keeps the number the shopper sees
 * the number they can order. The read side may lag by milliseconds: the reservation itself is still checked by the
 * order consumer, which rejects a line whose stock has gone meanwhile.
 */
public final class LinePlanner {

    private final Catalogue catalogue;

    public LinePlanner(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** What became of a plan. */
    public sealed interface Plan {

        /** Lines ready to be placed. */
        record Lines(List<OrderLine> lines) implements Plan {
        }

        /** Not everything is available: per SKU that falls short, the units that are (0 for a gone item). */
        record Short(Map<String, Integer> available) implements Plan {
        }
    }

    /** Units of an item a shopper can order now: available at active locations (0 for an unknown item). */
    public int orderable(String sku) {
        return catalogue.item(sku).map(ItemDetail::available).orElse(0);
    }

    public Plan plan(Map<String, Integer> wanted) {
        Set<String> inactive = catalogue.locations().stream().filter(location -> !location.active())
                .map(LocationView::code).collect(Collectors.toSet());
        Map<String, Integer> shortfalls = new LinkedHashMap<>();
        List<OrderLine> lines = new ArrayList<>();
        wanted.forEach((sku, units) -> {
            List<StockView> places = catalogue.item(sku).map(ItemDetail::stock).orElse(List.of()).stream()
                    .filter(level -> !level.removed() && level.available() > 0 && !inactive.contains(level.location()))
                    .sorted(Comparator.comparingInt(StockView::available).reversed()
                            .thenComparing(StockView::location))
                    .toList();
            int total = places.stream().mapToInt(StockView::available).sum();
            if (total < units) {
                shortfalls.put(sku, total);
            } else if (places.getFirst().available() >= units) {
                // One location can serve it: let the order consumer choose (it knows the freshest stock).
                lines.add(new OrderLine(sku, units, null));
            } else {
                split(sku, units, places, lines);
            }
        });
        if (!shortfalls.isEmpty()) {
            return new Plan.Short(shortfalls);
        }
        if (lines.size() > PlaceOrder.LINES_MAX) {
            throw new IllegalArgumentException("An order holds at most " + PlaceOrder.LINES_MAX
                    + " lines; split it into two orders.");
        }
        return new Plan.Lines(lines);
    }

    private static void split(String sku, int units, List<StockView> places, List<OrderLine> lines) {
        int left = units;
        for (StockView place : places) {
            int take = Math.min(left, place.available());
            lines.add(new OrderLine(sku, take, place.location()));
            left -= take;
            if (left == 0) {
                return;
            }
        }
    }
}
