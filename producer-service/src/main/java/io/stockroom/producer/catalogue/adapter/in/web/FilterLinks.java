package io.stockroom.producer.catalogue.adapter.in.web;

/** Links for sorting and paging a listing without losing its filters; used by the templates. */
public record FilterLinks(String path, ItemFilter filter) {

    public String sort(String sort) {
        return filter.link(path, sort, 0);
    }

    public String page(int page) {
        return filter.link(path, filter.sort(), Math.max(page, 0));
    }
}
