package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.common.Csv;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.application.OrderStore;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderSearch;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.security.Requesters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The orders the admin list shows (same filters), as CSV: one row per order line, written page by page so a large
 * export never sits in memory, and capped at {@link OrderStore#COUNT_MAX} orders.
 */
@Controller("ui.orderCsvExport")
class OrderCsvExport {

    private static final int BATCH = 100;
    static final List<String> HEADER = List.of("order", "placedAt", "customer", "status", "sku", "item", "quantity",
            "location", "unitPrice", "currency", "lineTotal");

    private final Orders orders;
    private final Catalogue catalogue;

    OrderCsvExport(Orders orders, Catalogue catalogue) {
        this.orders = orders;
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/orders/export.csv")
    void export(@Valid @ModelAttribute("filter") OrderFilter filter, BindingResult binding, Authentication auth,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (binding.hasErrors()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid filter");
        }
        OrderSearch search;
        try {
            search = filter.toSearch(BATCH).withPage(0);
        } catch (IllegalArgumentException refused) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refused.getMessage());
        }
        Requester requester = Requesters.of(auth, request);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"orders.csv\"");
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write(Csv.row(HEADER));
            for (int page = 0; page * BATCH < OrderStore.COUNT_MAX; page++) {
                PageOf<OrderView> batch = orders.search(requester, search.withPage(page));
                for (OrderView order : batch.items()) {
                    write(out, order);
                }
                if (batch.items().size() < BATCH) {
                    break;
                }
            }
        }
    }

    private void write(Writer out, OrderView order) throws IOException {
        for (OrderLineView line : order.lines()) {
            String name = catalogue.item(line.sku()).map(i -> i.details().name()).orElse("");
            BigDecimal unit = line.unitPrice() == null ? null : line.unitPrice().amount();
            out.write(Csv.row(Arrays.asList(OrderDetailView.number(order.orderId()), order.placedAt().toString(),
                    order.customer(), OrderWording.status(order.status()), line.sku(), name, line.quantity(),
                    line.location(), unit == null ? null : unit.toPlainString(),
                    line.unitPrice() == null ? null : line.unitPrice().currency(),
                    unit == null ? null : unit.multiply(BigDecimal.valueOf(line.quantity())).toPlainString())));
        }
    }
}
