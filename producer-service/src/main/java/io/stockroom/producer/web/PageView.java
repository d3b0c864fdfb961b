package io.stockroom.producer.web;

import java.util.List;

/** One page of rows with what the pager needs (1-based "from–to of total"). */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public PageView {
        items = List.copyOf(items);
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
        return (long) page * size + items.size();
    }
}
