package io.stockroom.producer.catalogue.domain;

import java.math.BigDecimal;

/**
 * A catalogue search: every filter optional. {@code q} matches name, brand, SKU or category (case-insensitive
 * substring).
 *
 * @param size page size, 1..{@link #SIZE_MAX}
 */
public record CatalogueQuery(String q, String brand, String category, BigDecimal minPrice, BigDecimal maxPrice,
                             CatalogueSort sort, int page, int size) {

    public static final int SIZE_MAX = 100;
    public static final int SIZE_DEFAULT = 20;
    public static final int PAGE_MAX = 10_000;
    public static final int TEXT_LENGTH_MAX = 100;

    public CatalogueQuery {
        q = blankToNull(q, "q");
        brand = blankToNull(brand, "brand");
        category = blankToNull(category, "category");
        if (minPrice != null && minPrice.signum() < 0 || maxPrice != null && maxPrice.signum() < 0) {
            throw new IllegalArgumentException("minPrice and maxPrice must not be negative");
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw new IllegalArgumentException("minPrice must not exceed maxPrice");
        }
        sort = sort == null ? CatalogueSort.NAME : sort;
        if (page < 0 || page > PAGE_MAX) {
            throw new IllegalArgumentException("page must be between 0 and " + PAGE_MAX);
        }
        if (size < 1 || size > SIZE_MAX) {
            throw new IllegalArgumentException("size must be between 1 and " + SIZE_MAX);
        }
    }

    /** Everything, sorted by name, first page. */
    public static CatalogueQuery all() {
        return new CatalogueQuery(null, null, null, null, null, CatalogueSort.NAME, 0, SIZE_DEFAULT);
    }

    private static String blankToNull(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > TEXT_LENGTH_MAX) {
            throw new IllegalArgumentException(field + " must be at most " + TEXT_LENGTH_MAX + " characters");
        }
        return value.strip();
    }
}
