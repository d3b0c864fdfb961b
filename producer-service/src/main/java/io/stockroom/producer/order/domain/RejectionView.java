package io.stockroom.producer.order.domain;

/** Why one line of a rejected order was not served. */
public record RejectionView(int lineNo, String sku, String location, String reason, String detail) {
}
