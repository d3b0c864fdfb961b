package io.stockroom.health.monitoring.adapter.out.alerting;

import io.stockroom.health.monitoring.application.ServiceHealth;
import io.stockroom.health.monitoring.application.TransitionAlerts;
import io.stockroom.health.monitoring.domain.ServiceState;
import io.stockroom.health.monitoring.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line per transition, with the facts as key-value pairs so the ECS JSON log carries them as fields
 * ({@code service}, {@code state.from}, {@code state.to}, {@code reason}): a log pipeline can alert on them too.
 */
public final class LoggingAlerts implements TransitionAlerts {

    private static final Logger log = LoggerFactory.getLogger("io.stockroom.health.alerts");

    @Override
    public void transitioned(Transition transition, ServiceHealth now) {
        Level level = switch (transition.to()) {
            case DOWN -> Level.ERROR;
            case DEGRADED -> Level.WARN;
            case UP, UNKNOWN -> transition.from() == ServiceState.UNKNOWN ? Level.INFO : Level.WARN;
        };
        log.atLevel(level)
                .addKeyValue("service", transition.service())
                .addKeyValue("state.from", transition.from().name())
                .addKeyValue("state.to", transition.to().name())
                .addKeyValue("reason", transition.reason())
                .addKeyValue("transition.at", transition.at().toString())
                .log("Service {} changed from {} to {}: {}", transition.service(), transition.from(),
                        transition.to(), transition.reason());
    }
}
