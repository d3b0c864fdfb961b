package io.stockroom.producer.web;

import java.util.List;

/**
 * One page of rows with what the pager needs ("1–20 of 45", page 1 of 3). A total of {@code countMax} or more is
 * shown as "10,000+" (counting further is not worth its cost).
 */
public record PageView<T>(List<T> items, int page, int size, long total, long countMax) {

    public PageView {
        items = List.copyOf(items);
    }

    public PageView(List<T> items, int page, int size, long total) {
        this(items, page, size, total, Long.MAX_VALUE);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long from() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long to() {
        return items.isEmpty() ? 0 : (long) page * size + items.size();
    }

    /** The total as a reader sees it. */
    public String totalText() {
        return total >= countMax ? Formats.count(countMax) + "+" : Formats.count(total);
    }

    /** "Showing 21–40 of 45", or "Nothing here" past the end. */
    public String range() {
        return items.isEmpty() ? "Nothing to show" : "Showing " + Formats.count(from()) + "–" + Formats.count(to())
                + " of " + totalText();
    }

    public String position() {
        return "Page " + (page + 1) + " of " + (total >= countMax ? Formats.count(totalPages()) + "+" : totalPages());
    }
}
