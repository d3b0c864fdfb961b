package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.adapter.in.web.CommandSender;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.application.LinePlanner;
import io.stockroom.producer.order.application.OrderStore;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.order.domain.OrderSearch;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.security.Requesters;
import io.stockroom.producer.web.Flash;
import io.stockroom.producer.web.PageView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Admin order management: the list (status tabs, customer, SKU, dates, search, pages), one order with its lines,
 * locations, totals and history, fulfil and cancel (one or a selection), each followed live to its outcome. The list
 * is served from the producer's own order views ({@code order_views}), never from the order consumer's store.
 */
@Controller("ui.adminOrdersController")
class AdminOrdersController {

    static final int PAGE_SIZE = 25;
    /** Orders one bulk action may touch: a page's worth, with room. */
    static final int BULK_MAX = 100;

    private final Orders orders;
    private final Catalogue catalogue;
    private final LinePlanner planner;
    private final CommandSender sender;

    AdminOrdersController(Orders orders, Catalogue catalogue, LinePlanner planner, CommandSender sender) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.planner = planner;
        this.sender = sender;
    }

    @GetMapping("/admin/orders")
    String list(@Valid @ModelAttribute("filter") OrderFilter filter, BindingResult binding, Authentication auth,
                HttpServletRequest request, Model model) {
        List<String> problems = new ArrayList<>();
        binding.getFieldErrors().forEach(error -> problems.add(message(error)));
        OrderFilter effective = binding.hasErrors() ? OrderFilter.none() : filter;
        OrderSearch search;
        try {
            search = effective.toSearch(PAGE_SIZE);
        } catch (IllegalArgumentException refused) {
            problems.add(refused.getMessage());
            effective = OrderFilter.none();
            search = effective.toSearch(PAGE_SIZE);
        }
        PageOf<OrderView> found = orders.search(Requesters.of(auth, request), search);
        if (found.items().isEmpty() && search.page() > 0 && found.total() > 0) {
            return "redirect:" + effective.page(found.totalPages() - 1);
        }
        model.addAttribute("orders", new PageView<>(found.items().stream().map(this::detail).toList(), found.page(),
                found.size(), found.total(), OrderStore.COUNT_MAX));
        model.addAttribute("filterErrors", problems);
        model.addAttribute("links", effective);
        model.addAttribute("statuses", Arrays.stream(OrderStatus.values())
                .map(s -> Map.entry(s.name(), OrderWording.status(s))).toList());
        return "admin/orders";
    }

    @GetMapping("/admin/orders/{orderId}")
    String order(@PathVariable String orderId, Authentication auth, HttpServletRequest request, Model model) {
        OrderView order = orders.get(Requesters.of(auth, request), orderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", detail(order));
        return "admin/order";
    }

    @PostMapping("/admin/orders/{orderId}/fulfil")
    String fulfil(@PathVariable String orderId, Authentication auth, HttpServletRequest request,
                  RedirectAttributes redirect) {
        existing(orderId, auth, request);
        if (sender.send(auth, request, MessageType.FULFIL_ORDER, id -> new FulfilOrder(id, orderId),
                "Fulfil order " + OrderDetailView.number(orderId), redirect)) {
            redirect.addFlashAttribute("pendingAction", true);
        }
        return "redirect:/admin/orders/" + orderId;
    }

    @PostMapping("/admin/orders/{orderId}/cancel")
    String cancel(@PathVariable String orderId, Authentication auth, HttpServletRequest request,
                  RedirectAttributes redirect) {
        existing(orderId, auth, request);
        if (sender.send(auth, request, MessageType.CANCEL_ORDER,
                id -> new CancelOrder(id, orderId, "Cancelled by the shop"),
                "Cancel order " + OrderDetailView.number(orderId), redirect)) {
            redirect.addFlashAttribute("pendingAction", true);
        }
        return "redirect:/admin/orders/" + orderId;
    }

    /** Fulfils or cancels the selected orders: one command each, each followed live on the list. */
    @PostMapping("/admin/orders/bulk")
    String bulk(@RequestParam String action, @RequestParam(name = "ids", required = false) List<String> ids,
                @RequestParam(defaultValue = "/admin/orders") String back, Authentication auth,
                HttpServletRequest request, RedirectAttributes redirect) {
        String target = back.startsWith("/admin/orders") && !back.contains("//") ? back : "/admin/orders";
        if (ids == null || ids.isEmpty()) {
            Flash.error(redirect, "Select at least one order first.");
            return "redirect:" + target;
        }
        if (ids.size() > BULK_MAX || !List.of("fulfil", "cancel").contains(action)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "at most " + BULK_MAX + " orders, "
                    + "action fulfil or cancel");
        }
        boolean fulfil = action.equals("fulfil");
        List<CommandSender.Bulk> commands = ids.stream().distinct().map(orderId -> new CommandSender.Bulk(
                fulfil ? id -> new FulfilOrder(id, orderId) : id -> new CancelOrder(id, orderId, "Cancelled by the shop"),
                (fulfil ? "Fulfil order " : "Cancel order ") + OrderDetailView.number(orderId))).toList();
        sender.sendAll(auth, request, commands, redirect);
        return "redirect:" + target;
    }

    private void existing(String orderId, Authentication auth, HttpServletRequest request) {
        Requester requester = Requesters.of(auth, request);
        if (orders.get(requester, orderId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private OrderDetailView detail(OrderView order) {
        Function<String, String> names = sku -> catalogue.item(sku).map(i -> i.details().name()).orElse(sku);
        return OrderDetailView.of(order, names, planner::orderable);
    }

    static String message(FieldError error) {
        return error.isBindingFailure() ? "'" + error.getRejectedValue() + "' is not a valid " + error.getField()
                : error.getDefaultMessage();
    }
}
