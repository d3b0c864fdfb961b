package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.ServiceState;

import java.time.Instant;

/** A service's current state as persisted, so a restarted health service continues where it stopped. */
public record StoredState(String service, ServiceState state, String reason, Instant since) {
}
