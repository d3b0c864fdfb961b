package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.producer.api.ApiController;
import io.stockroom.producer.api.ApiException;
import io.stockroom.producer.command.adapter.in.web.Accepted;
import io.stockroom.producer.common.Requester;
import io.stockroom.producer.order.application.OrderAction;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.order.application.PlacementResult;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.order.domain.RejectionView;
import io.stockroom.producer.order.domain.StatusChange;
import io.stockroom.producer.security.Requesters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Shoppers' orders: place (idempotent, rate limited), list, read, cancel, follow live; admins fulfil. */
@ApiController("api.orderController")
class OrderController {

    record LineRequest(@NotBlank String sku, @NotNull @Positive Integer quantity, String location) {
    }

    record PlaceOrderRequest(
            @NotNull @Size(min = 1, max = PlaceOrder.LINES_MAX) List<@NotNull @Valid LineRequest> lines,
            SourcingStrategy sourcing) {
    }

    record Placed(String orderId, String status) {
    }

    record OrderResponse(String orderId, String customer, String status, List<OrderLineView> lines,
                         List<RejectionView> rejections, List<StatusChange> history, long version,
                         Instant placedAt, String sourcing) {

        static OrderResponse of(OrderView o) {
            return new OrderResponse(o.orderId(), o.customer(), o.status().name(), o.lines(), o.rejections(),
                    o.history(), o.version(), o.placedAt(), o.sourcing());
        }
    }

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    /** 202 for a new order, 200 with the same order for a retry with the same key. */
    @PostMapping("/api/orders")
    ResponseEntity<Placed> place(@RequestHeader("Idempotency-Key") String key,
                                 @Valid @RequestBody PlaceOrderRequest body, Authentication who,
                                 HttpServletRequest request) {
        List<OrderLine> lines = body.lines().stream()
                .map(line -> new OrderLine(line.sku(), line.quantity(), line.location())).toList();
        PlacementResult result = orders.place(Requesters.of(who, request), key, lines, body.sourcing());
        return switch (result) {
            case PlacementResult.RateLimited limited -> throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many orders in a short time; try again later", limited.retryAfter());
            case PlacementResult.Placed placed -> ResponseEntity
                    .status(placed.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .location(URI.create("/api/orders/" + placed.order().orderId()))
                    .body(new Placed(placed.order().orderId(), placed.order().status().name()));
        };
    }

    @GetMapping("/api/orders")
    List<OrderResponse> mine(@RequestParam(defaultValue = "50") int limit, Authentication who,
                             HttpServletRequest request) {
        return orders.mine(Requesters.of(who, request), limit).stream().map(OrderResponse::of).toList();
    }

    @GetMapping("/api/orders/{orderId}")
    OrderResponse get(@PathVariable String orderId, Authentication who, HttpServletRequest request) {
        return orders.get(Requesters.of(who, request), orderId).map(OrderResponse::of)
                .orElseThrow(() -> ApiException.notFound("Order " + orderId));
    }

    @PostMapping("/api/orders/{orderId}/cancel")
    ResponseEntity<Accepted> cancel(@PathVariable String orderId, Authentication who, HttpServletRequest request) {
        return answer(orders.cancel(Requesters.of(who, request), orderId, null));
    }

    @PostMapping("/api/orders/{orderId}/fulfil")
    ResponseEntity<Accepted> fulfil(@PathVariable String orderId, Authentication who, HttpServletRequest request) {
        Requester requester = Requesters.of(who, request);
        return answer(orders.fulfil(requester, orderId));
    }

    private static ResponseEntity<Accepted> answer(OrderAction action) {
        return switch (action) {
            case OrderAction.Sent sent -> Accepted.of(sent.receipt());
            case OrderAction.NotFound missing -> throw ApiException.notFound("Order " + missing.orderId());
        };
    }
}
