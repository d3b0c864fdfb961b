package io.stockroom.health.monitoring.domain;

import java.time.Instant;

/** A service's state changed at a moment, for a reason. Immutable: the history is append-only. */
public record Transition(String service, ServiceState from, ServiceState to, String reason, Instant at) {

    public Transition {
        if (service == null || from == null || to == null || at == null) {
            throw new IllegalArgumentException("a transition needs a service, both states and a time");
        }
        if (from == to) {
            throw new IllegalArgumentException("a transition changes the state: " + from + " -> " + to);
        }
        reason = reason == null ? "" : reason;
    }

    /** Natural id: one service never changes state twice at the same instant (the monitor guarantees it). */
    public String id() {
        return service + "@" + at;
    }
}
