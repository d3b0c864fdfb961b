package io.stockroom.stock.audit.adapter.in.scheduling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.AuditReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs on its own schedule: writes ledger entries that crashed writers left as markers, then checks invariants 1
 * and 2 over all stock and exports the counts ({@code stockroom_stock_drift}, alerting on non-zero).
 */
public final class InvariantAuditor {

    private static final Logger log = LoggerFactory.getLogger(InvariantAuditor.class);
    private static final int DRIFTS_LOGGED_MAX = 20;

    private final StockLedger ledger;
    private final AtomicInteger drift = new AtomicInteger();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger records = new AtomicInteger();

    public InvariantAuditor(StockLedger ledger, MeterRegistry meters) {
        this.ledger = ledger;
        Gauge.builder("stockroom.stock.drift", drift, AtomicInteger::get)
                .description("Stock records whose levels differ from the sum of their ledger").register(meters);
        Gauge.builder("stockroom.stock.invariant_violations", violations, AtomicInteger::get)
                .description("Stock records with a negative or inconsistent bucket").register(meters);
        Gauge.builder("stockroom.stock.records", records, AtomicInteger::get)
                .description("Stock records checked by the last audit").register(meters);
    }

    @Scheduled(initialDelayString = "${stockroom.audit.initial-delay:30s}",
            fixedDelayString = "${stockroom.audit.interval:60s}")
    public void audit() {
        try {
            int completed = ledger.completePendingEntries();
            if (completed > 0) {
                log.warn("Wrote {} ledger entries left unwritten by a crashed writer", completed);
            }
            AuditReport report = ledger.audit(DRIFTS_LOGGED_MAX);
            drift.set(report.driftCount());
            violations.set(report.invariantViolations());
            records.set(report.recordsChecked());
            if (!report.isClean()) {
                log.error("Stock audit found {} drifted records and {} invariant violations: {}", report.driftCount(),
                        report.invariantViolations(), report.drifts());
            }
        } catch (RuntimeException e) {
            log.warn("Stock audit could not run: {}", e.toString());
        }
    }
}
