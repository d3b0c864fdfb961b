package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.producer.order.domain.OrderSearch;
import io.stockroom.producer.order.domain.OrderStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The admin order list's filters as query parameters. Dates are days in the admin's own time zone ({@code tz},
 * which app.js fills in from the browser; UTC without it): "to" includes the whole day.
 */
public record OrderFilter(
        @Pattern(regexp = "|PLACED|CONFIRMED|REJECTED|CANCELLED|FULFILLED", message = "Choose a status from the list.")
        String status,
        @Size(max = 64, message = "At most 64 characters.") String customer,
        @Size(max = 64, message = "At most 64 characters.") String sku,
        @Pattern(regexp = "|\\d{4}-\\d{2}-\\d{2}", message = "Enter a date such as 2026-12-01.") String from,
        @Pattern(regexp = "|\\d{4}-\\d{2}-\\d{2}", message = "Enter a date such as 2026-12-31.") String to,
        @Size(max = 64, message = "At most 64 characters.") String q,
        @Size(max = 64) String tz,
        @Pattern(regexp = "\\d{1,4}", message = "Page must be a number.") String page) {

    public OrderFilter {
        status = blank(status) ? "" : status.strip();
        page = blank(page) ? "0" : page.strip();
    }

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, null, null, null);
    }

    /** @throws IllegalArgumentException for a combination the search refuses (a start after the end, bad words) */
    public OrderSearch toSearch(int size) {
        ZoneId zone = zone();
        return new OrderSearch(status.isEmpty() ? null : OrderStatus.valueOf(status), customer, sku,
                blank(from) ? null : day(from).atStartOfDay(zone).toInstant(),
                blank(to) ? null : day(to).plusDays(1).atStartOfDay(zone).toInstant(), q,
                Math.min(Integer.parseInt(page), OrderSearch.PAGE_MAX), size);
    }

    public boolean active() {
        return !status.isEmpty() || !blank(customer) || !blank(sku) || !blank(from) || !blank(to) || !blank(q);
    }

    /** A link to this filter with another status (tabs) or page. */
    public String link(String newStatus, int newPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/orders");
        add(uri, "status", newStatus);
        add(uri, "customer", customer);
        add(uri, "sku", sku);
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "q", q);
        add(uri, "tz", tz);
        if (newPage > 0) {
            uri.queryParam("page", newPage);
        }
        return uri.encode().build().toUriString();
    }

    public String page(int newPage) {
        return link(status, Math.max(newPage, 0));
    }

    public String tab(String newStatus) {
        return link(newStatus, 0);
    }

    /** The same filters as a CSV export link. */
    public String export() {
        return link(status, 0).replaceFirst("^/admin/orders", "/admin/orders/export.csv");
    }

    private ZoneId zone() {
        try {
            return blank(tz) ? ZoneOffset.UTC : ZoneId.of(tz.strip());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date");
        }
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (!blank(value)) {
            uri.queryParam(name, value.strip());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
