package io.stockroom.order.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.order.application.OrderMetrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code stockroom.orders.confirmed}, {@code stockroom.orders.rejected} (tag {@code reason}: the enum, so the tag
 * has a bounded set of values) and the {@code stockroom.orders.reservation} timer with percentiles.
 */
public final class MicrometerOrderMetrics implements OrderMetrics {

    private final Counter confirmed;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final Timer reservation;

    public MicrometerOrderMetrics(MeterRegistry meters) {
        confirmed = Counter.builder("stockroom.orders.confirmed").description("Orders confirmed").register(meters);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder("stockroom.orders.rejected").tag("reason", reason.name())
                    .description("Orders rejected, by the reason of the line that failed").register(meters));
        }
        reservation = Timer.builder("stockroom.orders.reservation")
                .description("Time to confirm or reject a placed order").publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public void confirmed() {
        confirmed.increment();
    }

    @Override
    public void rejected(RejectionReason reason) {
        rejected.get(reason).increment();
    }

    @Override
    public void reservationTook(Duration duration) {
        reservation.record(duration);
    }
}
