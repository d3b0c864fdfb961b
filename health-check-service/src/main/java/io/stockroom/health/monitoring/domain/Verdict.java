package io.stockroom.health.monitoring.domain;

/** A state and the reason a person reads on the page and in the alert. */
public record Verdict(ServiceState state, String reason) {

    static final int REASON_LENGTH_MAX = 500;

    public Verdict {
        if (state == null) {
            throw new IllegalArgumentException("state missing");
        }
        reason = reason == null ? "" : reason.length() > REASON_LENGTH_MAX
                ? reason.substring(0, REASON_LENGTH_MAX - 1) + "…" : reason;
    }
}
