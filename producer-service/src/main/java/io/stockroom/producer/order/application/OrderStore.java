package io.stockroom.producer.order.application;

import io.stockroom.producer.common.PageOf;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderSearch;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.order.domain.RejectionView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The producer's own view of orders ({@code order_views}). */
public interface OrderStore {

    /** @return false when an order with this id exists already (it is left unchanged) */
    boolean insert(OrderView order);

    Optional<OrderView> find(String orderId);

    /** Counts beyond this are reported as this (a filtered count on a large collection is not free). */
    int COUNT_MAX = 10_000;

    /** A customer's orders, newest first. */
    List<OrderView> byCustomer(String customer, int limit);

    /** All orders, newest first. */
    PageOf<OrderView> page(int page, int size);

    /** A filtered page, newest first; the total is capped at {@link #COUNT_MAX}. */
    PageOf<OrderView> search(OrderSearch search);

    /**
     * What an order event changes in a view.
     *
     * @param lines      the allocated lines (confirmations) or null to keep the stored ones
     * @param rejections the line rejections (rejections) or null to keep the stored ones
     */
    record Change(String orderId, String customer, OrderStatus status, long version, Instant at, String detail,
                  List<OrderLineView> lines, List<RejectionView> rejections) {
    }

    /**
     * Applies each change whose version is newer than the stored one, all in one write; creates the view of an
     * order placed elsewhere.
     *
     * @return how many views changed
     */
    int applyAll(List<Change> changes);
}
