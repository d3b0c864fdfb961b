package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.producer.catalogue.domain.Availability;
import io.stockroom.producer.catalogue.domain.CatalogueQuery;
import io.stockroom.producer.catalogue.domain.CatalogueSort;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;

/**
 * Search, filters, sort and page of a catalogue listing, as query parameters (used by the admin items table and the
 * shop). Every field is optional; {@link #toQuery(int)} turns it into the read side's query.
 */
public record ItemFilter(
        @Size(max = 100, message = "Search at most 100 characters.") String q,
        @Size(max = 100) String brand,
        @Size(max = 100) String category,
        @Pattern(regexp = PRICE, message = "Enter the minimum price as a number, e.g. 100 or 99.50.") String minPrice,
        @Pattern(regexp = PRICE, message = "Enter the maximum price as a number, e.g. 500 or 499.99.") String maxPrice,
        @Pattern(regexp = "name|brand|price|-price", message = "Sort by name, brand or price.") String sort,
        @Pattern(regexp = "\\d{1,4}", message = "Page must be a number.") String page,
        @Pattern(regexp = "|IN_STOCK|LOW|OUT", message = "Choose a stock status from the list.") String stock) {

    /** A non-negative amount with at most two decimals; the browser's number input sends this form. */
    static final String PRICE = "\\d{1,9}(\\.\\d{1,2})?";

    public ItemFilter {
        sort = sort == null || sort.isBlank() ? "name" : sort;
        page = page == null || page.isBlank() ? "0" : page;
        minPrice = minPrice == null || minPrice.isBlank() ? null : minPrice.strip();
        maxPrice = maxPrice == null || maxPrice.isBlank() ? null : maxPrice.strip();
        stock = stock == null ? "" : stock.strip();
    }

    public static ItemFilter none() {
        return new ItemFilter(null, null, null, null, null, null, null, null);
    }

    /** True when anything narrows the listing (for the "no results" hint). */
    public boolean active() {
        return notBlank(q) || notBlank(brand) || notBlank(category) || minPrice != null || maxPrice != null
                || !stock.isEmpty();
    }

    /** The stock status to narrow to, or null for any. */
    public Availability availability() {
        return stock.isEmpty() ? null : Availability.valueOf(stock);
    }

    /** The read side's query; throws IllegalArgumentException for combinations it refuses (min above max). */
    public CatalogueQuery toQuery(int pageSize) {
        return new CatalogueQuery(q, brand, category, decimal(minPrice), decimal(maxPrice), CatalogueSort.parse(sort),
                pageNumber(), pageSize);
    }

    public ItemFilter onPage(int newPage) {
        return new ItemFilter(q, brand, category, minPrice, maxPrice, sort, Integer.toString(newPage), stock);
    }

    public int pageNumber() {
        return Integer.parseInt(page);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** The same filter as a CSV export link (all matching items, not only this page). */
    public String export() {
        return link("/admin/items/export.csv", sort, 0);
    }

    /** The same filter with another sort, back on the first page. */
    public String link(String path, String newSort, int newPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        addIfPresent(uri, "q", q);
        addIfPresent(uri, "brand", brand);
        addIfPresent(uri, "category", category);
        addIfPresent(uri, "minPrice", minPrice);
        addIfPresent(uri, "maxPrice", maxPrice);
        addIfPresent(uri, "stock", stock);
        uri.queryParam("sort", newSort);
        if (newPage > 0) {
            uri.queryParam("page", newPage);
        }
        return uri.encode().build().toUriString();
    }

    private static void addIfPresent(UriComponentsBuilder uri, String name, String value) {
        if (notBlank(value)) {
            uri.queryParam(name, value);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
