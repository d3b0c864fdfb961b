package io.stockroom.producer.order.domain;

/** The order lifecycle as the shopper sees it. */
public enum OrderStatus {
    PLACED,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    FULFILLED
}
