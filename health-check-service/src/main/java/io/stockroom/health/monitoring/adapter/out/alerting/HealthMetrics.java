package io.stockroom.health.monitoring.adapter.out.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.health.monitoring.application.HealthMonitor;
import io.stockroom.health.monitoring.application.ServiceHealth;
import io.stockroom.health.monitoring.application.TransitionAlerts;
import io.stockroom.health.monitoring.domain.MonitoredService;
import io.stockroom.health.monitoring.domain.QueueStats;
import io.stockroom.health.monitoring.domain.ServiceState;
import io.stockroom.health.monitoring.domain.Transition;

import java.util.function.ToDoubleFunction;

/**
 * Exports the monitor's view for Prometheus: {@code stockroom_service_state{monitored_service}} (1 up, 0.5 degraded,
 * 0 down, -1 unknown), {@code stockroom_service_transitions_total{monitored_service,from,to}}, and per watched queue
 * (a service's queue and the further ones it consumes)
 * {@code stockroom_queue_messages{queue,state}}, {@code stockroom_queue_consumers{queue}} and
 * {@code stockroom_queue_dead_letters{queue}} (NaN while unknown). The tag is {@code monitored_service} because every
 * meter of this process already carries {@code service=health-check-service}.
 */
public final class HealthMetrics implements TransitionAlerts {

    private final MeterRegistry meters;

    public HealthMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Registers one gauge per service and per watched queue; tags are only configured names (bounded cardinality). A
     * queue watched for several services (instances sharing it) is registered once: Micrometer keeps the first.
     */
    public void bind(HealthMonitor monitor) {
        for (MonitoredService service : monitor.monitored()) {
            Gauge.builder("stockroom.service.state", monitor,
                            m -> m.stateOf(service.name()).orElse(ServiceState.UNKNOWN).gaugeValue())
                    .tag("monitored_service", service.name())
                    .description("1 up, 0.5 degraded, 0 down, -1 unknown").register(meters);
            // Further consumed queues get the same meters as the main one, told apart by the queue tag.
            service.watchedQueues().forEach(queue -> bindQueue(monitor, queue));
        }
        for (String component : monitor.components()) {
            Gauge.builder("stockroom.service.state", monitor,
                            m -> m.stateOf(component).orElse(ServiceState.UNKNOWN).gaugeValue())
                    .tag("monitored_service", component)
                    .description("1 up, 0.5 degraded, 0 down, -1 unknown").register(meters);
        }
    }

    @Override
    public void transitioned(Transition transition, ServiceHealth now) {
        Counter.builder("stockroom.service.transitions").tag("monitored_service", transition.service())
                .tag("from", transition.from().name()).tag("to", transition.to().name())
                .description("state changes of monitored services").register(meters).increment();
    }

    private void bindQueue(HealthMonitor monitor, String queue) {
        queueGauge(monitor, queue, "stockroom.queue.messages", "ready", QueueStats::ready);
        queueGauge(monitor, queue, "stockroom.queue.messages", "unacked",
                stats -> stats.unacked() == null ? Double.NaN : stats.unacked());
        queueGauge(monitor, queue, "stockroom.queue.consumers", null, QueueStats::consumers);
        queueGauge(monitor, queue, "stockroom.queue.dead_letters", null,
                stats -> stats.deadLetters() == null ? Double.NaN : stats.deadLetters());
    }

    private void queueGauge(HealthMonitor monitor, String queue, String name, String state,
                            ToDoubleFunction<QueueStats> value) {
        Gauge.Builder<HealthMonitor> gauge = Gauge.builder(name, monitor,
                m -> m.queues().queue(queue).filter(QueueStats::exists).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("queue", queue);
        if (state != null) {
            gauge.tag("state", state);
        }
        gauge.register(meters);
    }
}
