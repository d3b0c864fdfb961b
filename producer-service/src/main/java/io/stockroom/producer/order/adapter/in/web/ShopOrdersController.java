package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.order.OrderLine;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.application.CommandNotSentException;
import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.application.LinePlanner;
import io.stockroom.producer.order.application.OrderAction;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.order.application.PlacementResult;
import io.stockroom.producer.order.domain.OrderSearch;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.security.Requesters;
import io.stockroom.producer.web.Flash;
import io.stockroom.producer.web.PageView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A shopper's orders: placing the cart as an order, "My orders" (filtered, in pages), one order with its history,
 * cancelling, and ordering what is available instead of a rejected order. Statuses move live (app.js follows the
 * orders a page shows through {@code /ui/orders/stream}).
 */
@Controller("ui.ordersController")
class ShopOrdersController {

    /** Orders per page of "My orders". */
    static final int PAGE_SIZE = 20;

    private final Orders orders;
    private final Catalogue catalogue;
    private final LinePlanner planner;

    ShopOrdersController(Orders orders, Catalogue catalogue, LinePlanner planner) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.planner = planner;
    }

    @PostMapping("/shop/orders")
    String place(@RequestParam String idempotencyKey, @RequestParam(defaultValue = "false") boolean fit,
                 Authentication auth, HttpServletRequest request, HttpSession session, RedirectAttributes redirect) {
        Cart cart = ShopController.cart(session);
        if (fit) {
            cart.lines().forEach((sku, units) -> cart.set(sku, Math.min(units, planner.orderable(sku))));
        }
        if (cart.isEmpty()) {
            Flash.error(redirect, fit ? "None of those items is available right now." : "Your cart is empty.");
            return "redirect:/shop";
        }
        String placed = place(Requesters.of(auth, request), idempotencyKey, cart.lines(), redirect);
        if (placed != null) {
            cart.placed();
            return "redirect:/shop/orders/" + placed;
        }
        return "redirect:/shop/cart";
    }

    /** Places a rejected order's items again, as many as are available now; once per rejected order. */
    @PostMapping("/shop/orders/{orderId}/retry")
    String retry(@PathVariable String orderId, Authentication auth, HttpServletRequest request,
                 RedirectAttributes redirect) {
        Requester requester = Requesters.of(auth, request);
        OrderDetailView rejected = detail(orders.get(requester, orderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        if (rejected.retry() == null) {
            Flash.error(redirect, "None of those items is available right now.");
            return "redirect:/shop/orders/" + orderId;
        }
        // One key per rejected order: pressing the button twice places one order.
        String placed = place(requester, "again-" + orderId.substring(Math.max(0, orderId.length() - 36)),
                rejected.retry().units(), redirect);
        return "redirect:/shop/orders/" + (placed == null ? orderId : placed);
    }

    /** Puts a rejected order's items back in the cart, to change them before ordering again. */
    @PostMapping("/shop/orders/{orderId}/edit")
    String edit(@PathVariable String orderId, Authentication auth, HttpServletRequest request, HttpSession session,
                RedirectAttributes redirect) {
        OrderView order = orders.get(Requesters.of(auth, request), orderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        ShopController.cart(session).replace(units);
        Flash.ok(redirect, "The items of that order are in your cart again. Change them and place the order.");
        return "redirect:/shop/cart";
    }

    /** @return the order id when the order was placed, null when the reason is in a flash message */
    private String place(Requester requester, String key, Map<String, Integer> units, RedirectAttributes redirect) {
        try {
            List<OrderLine> lines = switch (planner.plan(units)) {
                case LinePlanner.Plan.Lines planned -> planned.lines();
                case LinePlanner.Plan.Short missing -> {
                    Flash.error(redirect, shortfall(missing.available()));
                    yield null;
                }
            };
            if (lines == null) {
                return null;
            }
            return switch (orders.place(requester, key, lines, null)) {
                case PlacementResult.Placed placed -> {
                    Flash.ok(redirect, "Thank you, your order is placed.");
                    yield placed.order().orderId();
                }
                case PlacementResult.RateLimited limited -> {
                    Flash.error(redirect, "You placed several orders just now. Try again in "
                            + Math.max(1, limited.retryAfter().toSeconds()) + " seconds.");
                    yield null;
                }
            };
        } catch (IllegalArgumentException refused) {
            Flash.error(redirect, "The order was not placed: " + refused.getMessage());
        } catch (CommandNotSentException notSent) {
            Flash.error(redirect, "The order could not be sent right now. Nothing was placed; try again in a moment.");
        }
        return null;
    }

    private String shortfall(Map<String, Integer> available) {
        StringBuilder text = new StringBuilder("The order was not placed: ");
        available.forEach((sku, units) -> {
            String name = catalogue.item(sku).map(i -> i.details().name()).orElse(sku);
            text.append(units == 0 ? name + " is out of stock right now. "
                    : "only " + units + " of " + name + (units == 1 ? " is" : " are") + " available. ");
        });
        return text.append("Your cart shows what you can order.").toString();
    }

    @GetMapping("/shop/orders")
    String mine(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                Authentication auth, HttpServletRequest request, Model model) {
        Requester requester = Requesters.of(auth, request);
        OrderStatus only = Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        OrderSearch search = new OrderSearch(only, requester.username(), null, null, null, null,
                Math.clamp(page, 0, OrderSearch.PAGE_MAX), PAGE_SIZE);
        PageOf<OrderView> found = orders.search(requester, search);
        if (found.items().isEmpty() && page > 0 && found.total() > 0) {
            return "redirect:/shop/orders?page=" + (found.totalPages() - 1) + (only == null ? "" : "&status=" + only);
        }
        model.addAttribute("orders", new PageView<>(found.items().stream().map(this::detail).toList(),
                found.page(), found.size(), found.total()));
        model.addAttribute("status", only == null ? "" : only.name());
        model.addAttribute("statuses", Arrays.stream(OrderStatus.values())
                .map(s -> Map.entry(s.name(), OrderWording.status(s))).toList());
        return "shop/orders";
    }

    @GetMapping("/shop/orders/{orderId}")
    String order(@PathVariable String orderId, Authentication auth, HttpServletRequest request, Model model) {
        OrderView order = orders.get(Requesters.of(auth, request), orderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", detail(order));
        model.addAttribute("stockVersions", catalogue.stockVersions(order.lines().stream().map(l -> l.sku()).toList()));
        return "shop/order";
    }

    @PostMapping("/shop/orders/{orderId}/cancel")
    String cancel(@PathVariable String orderId, Authentication auth, HttpServletRequest request,
                  RedirectAttributes redirect) {
        Requester requester = Requesters.of(auth, request);
        try {
            OrderAction action = orders.cancel(requester, orderId, null);
            if (!(action instanceof OrderAction.Sent sent)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            Flash.command(redirect, sent.receipt().commandId(), "Cancellation requested");
            redirect.addFlashAttribute("pendingCancel", true);
        } catch (CommandNotSentException notSent) {
            Flash.error(redirect, "The cancellation could not be sent right now. Try again in a moment.");
        }
        return "redirect:/shop/orders/" + orderId;
    }

    private OrderDetailView detail(OrderView order) {
        return OrderDetailView.of(order, names(), planner::orderable);
    }

    private Function<String, String> names() {
        return sku -> catalogue.item(sku).map(item -> item.details().name()).orElse(sku);
    }
}
