package io.stockroom.order.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.order.application.OrderMetrics;
import io.stockroom.order.application.OrderMetrics.BatchStep;

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
    private final Map<BatchStep, Timer> steps = new EnumMap<>(BatchStep.class);
    private final DistributionSummary batchOrders;

    public MicrometerOrderMetrics(MeterRegistry meters) {
        confirmed = Counter.builder("stockroom.orders.confirmed").description("OrderStore confirmed").register(meters);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder("stockroom.orders.rejected").tag("reason", reason.name())
                    .description("OrderStore rejected, by the reason of the line that failed").register(meters));
        }
        reservation = Timer.builder("stockroom.orders.reservation")
                .description("Time to confirm or reject a placed order").publishPercentileHistogram()
                .register(meters);
        for (BatchStep step : BatchStep.values()) {
            steps.put(step, Timer.builder("stockroom.orders.batch.step").tag("step", step.name().toLowerCase())
                    .description("Time of one step of placing a batch of orders").register(meters));
        }
        batchOrders = DistributionSummary.builder("stockroom.orders.batch.orders")
                .description("New orders per batch").register(meters);
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

    @Override
    public void batchStepTook(BatchStep step, int orders, Duration duration) {
        steps.get(step).record(duration);
        if (step == BatchStep.SOURCE) {
            batchOrders.record(orders);
        }
    }
}
