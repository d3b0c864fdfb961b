package io.stockroom.bench.load;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** What a workload orders: each call gives the next order's JSON and units. Thread-safe. */
public interface OrderMix {

    /** One order to place. */
    record Next(String body, int units) {
    }

    Next next();

    /** One unit of a uniformly random SKU from {@code skus}, sourced by the system (no location). */
    static OrderMix spread(List<String> skus) {
        List<Next> orders = skus.stream().map(sku -> new Next(OrderPlacer.oneLine(sku, 1), 1)).toList();
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("a spread workload needs SKUs");
        }
        return () -> orders.get(ThreadLocalRandom.current().nextInt(orders.size()));
    }

    /** One unit of the same SKU every time. */
    static OrderMix hot(String sku) {
        Next order = new Next(OrderPlacer.oneLine(sku, 1), 1);
        return () -> order;
    }
}
