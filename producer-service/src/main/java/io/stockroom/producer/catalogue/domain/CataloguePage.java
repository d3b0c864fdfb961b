package io.stockroom.producer.catalogue.domain;

import java.util.List;

/** One page of the catalogue listing. */
public record CataloguePage(List<ItemSummary> items, int page, int size, long total) {

    public CataloguePage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
