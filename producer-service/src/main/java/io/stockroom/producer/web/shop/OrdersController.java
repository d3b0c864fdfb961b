package io.stockroom.producer.web.shop;

import io.stockroom.contracts.order.OrderLine;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.application.CommandNotSentException;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.live.adapter.in.web.LiveStreams;
import io.stockroom.producer.order.application.OrderAction;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.order.application.PlacementResult;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.security.Requesters;
import io.stockroom.producer.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A shopper's orders: placing the cart as an order, "My orders", one order with its history, cancelling, and the
 * server-sent event stream that moves their statuses live.
 */
@Controller("ui.ordersController")
class OrdersController {

    /** Orders listed on "My orders". */
    static final int ORDERS_SHOWN = 50;

    private final Orders orders;
    private final Catalogue catalogue;
    private final LiveStreams live;

    OrdersController(Orders orders, Catalogue catalogue, LiveStreams live) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.live = live;
    }

    @PostMapping("/shop/orders")
    String place(@RequestParam String idempotencyKey, Authentication auth, HttpServletRequest request,
                 HttpSession session, RedirectAttributes redirect) {
        Cart cart = ShopController.cart(session);
        if (cart.isEmpty()) {
            Flash.error(redirect, "Your cart is empty.");
            return "redirect:/shop";
        }
        List<OrderLine> lines = new ArrayList<>();
        cart.lines().forEach((sku, units) -> lines.add(new OrderLine(sku, units, null)));
        try {
            PlacementResult result = orders.place(Requesters.of(auth, request), idempotencyKey, lines, null);
            switch (result) {
                case PlacementResult.Placed placed -> {
                    cart.placed();
                    Flash.ok(redirect, "Thank you, your order is placed.");
                    return "redirect:/shop/orders/" + placed.order().orderId();
                }
                case PlacementResult.RateLimited limited -> Flash.error(redirect, "You placed several orders just "
                        + "now. Try again in " + Math.max(1, limited.retryAfter().toSeconds()) + " seconds.");
            }
        } catch (IllegalArgumentException refused) {
            Flash.error(redirect, "The order was not placed: " + refused.getMessage());
        } catch (CommandNotSentException notSent) {
            Flash.error(redirect, "The order could not be sent right now. Nothing was placed; try again in a moment.");
        }
        return "redirect:/shop";
    }

    @GetMapping("/shop/orders")
    String mine(Authentication auth, HttpServletRequest request, Model model) {
        Function<String, String> names = names();
        model.addAttribute("orders", orders.mine(Requesters.of(auth, request), ORDERS_SHOWN).stream()
                .map(order -> OrderPage.of(order, names)).toList());
        return "shop/orders";
    }

    @GetMapping("/shop/orders/{orderId}")
    String order(@PathVariable String orderId, Authentication auth, HttpServletRequest request, Model model) {
        OrderView order = orders.get(Requesters.of(auth, request), orderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", OrderPage.of(order, names()));
        return "shop/order";
    }

    @PostMapping("/shop/orders/{orderId}/cancel")
    String cancel(@PathVariable String orderId, Authentication auth, HttpServletRequest request,
                  RedirectAttributes redirect) {
        Requester requester = Requesters.of(auth, request);
        try {
            OrderAction action = orders.cancel(requester, orderId, "Cancelled by " + requester.username());
            if (action instanceof OrderAction.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            Flash.ok(redirect, "Cancellation requested. The status changes to Cancelled once the units are released.");
        } catch (CommandNotSentException notSent) {
            Flash.error(redirect, "The cancellation could not be sent right now. Try again in a moment.");
        }
        return "redirect:/shop/orders/" + orderId;
    }

    /** Status changes of the signed-in user's orders, for app.js's EventSource (session-authenticated). */
    @GetMapping(value = "/ui/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(Authentication auth) {
        return live.orders(auth.getName());
    }

    private Function<String, String> names() {
        return sku -> catalogue.item(sku).map(item -> item.details().name()).orElse(sku);
    }
}
