package io.stockroom.producer.order.domain;

import java.time.Instant;
import java.util.List;

/**
 * An order as the producer shows it ({@code order_views}): status, lines, rejections, history and the version of
 * the last order event applied (0 while only placed), so a late event never overwrites a newer status.
 */
public record OrderView(String orderId, String customer, OrderStatus status, List<OrderLineView> lines,
                        List<RejectionView> rejections, List<StatusChange> history, long version, Instant placedAt,
                        String sourcing) {

    public OrderView {
        lines = List.copyOf(lines);
        rejections = List.copyOf(rejections);
        history = List.copyOf(history);
    }
}
