package io.stockroom.bench.setup;

import java.util.List;

/**
 * What the benchmark created for itself: three locations, the spread SKUs (stocked at every location) and one hot
 * SKU (stocked at one location only, just before the hot workload).
 */
public record Catalogue(List<String> locations, List<String> spreadSkus, String hotSku, String hotLocation) {

    public Catalogue {
        locations = List.copyOf(locations);
        spreadSkus = List.copyOf(spreadSkus);
    }
}
