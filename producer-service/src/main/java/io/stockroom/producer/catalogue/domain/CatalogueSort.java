package io.stockroom.producer.catalogue.domain;

import java.util.Comparator;

/** Orders of the catalogue listing; each breaks ties by SKU so pages are stable. */
public enum CatalogueSort {
    NAME("name", Comparator.comparing((ItemSummary s) -> s.name().toLowerCase(java.util.Locale.ROOT))),
    PRICE("price", Comparator.comparing((ItemSummary s) -> s.price().amount())),
    PRICE_DESC("-price", Comparator.comparing((ItemSummary s) -> s.price().amount()).reversed()),
    BRAND("brand", Comparator.comparing((ItemSummary s) -> s.brand().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(s -> s.name().toLowerCase(java.util.Locale.ROOT)));

    private final String parameter;
    private final Comparator<ItemSummary> order;

    CatalogueSort(String parameter, Comparator<ItemSummary> order) {
        this.parameter = parameter;
        this.order = order.thenComparing(ItemSummary::sku);
    }

    public String parameter() {
        return parameter;
    }

    public Comparator<ItemSummary> order() {
        return order;
    }

    /** @throws IllegalArgumentException for anything but name, price, -price, brand (null means name) */
    public static CatalogueSort parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return NAME;
        }
        for (CatalogueSort sort : values()) {
            if (sort.parameter.equals(parameter.strip())) {
                return sort;
            }
        }
        throw new IllegalArgumentException("sort must be one of name, price, -price, brand");
    }
}
