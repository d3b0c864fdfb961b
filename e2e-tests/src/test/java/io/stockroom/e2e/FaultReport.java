package io.stockroom.e2e;

import org.bson.Document;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** What the fault suite saw, checked against the system's promises and printed as figures. */
final class FaultReport {

    /** One fault: how long until the faulty part was back, and until orders flowed again (null: never). */
    record Round(String fault, Duration restored, Duration recovered) {
    }

    private final OrderLoad load;
    private final Map<String, JsonNode> orders;
    private final Map<String, Integer> received;
    private final Map<String, Integer> reservedByRecord;
    private final Map<String, Document> records;
    private final long storedOrders;
    private final JsonNode audit;

    FaultReport(OrderLoad load, Map<String, JsonNode> orders, Map<String, Integer> received,
                Map<String, Integer> reservedByRecord, Map<String, Document> records, long storedOrders,
                JsonNode audit) {
        this.load = load;
        this.orders = orders;
        this.received = received;
        this.reservedByRecord = reservedByRecord;
        this.records = records;
        this.storedOrders = storedOrders;
        this.audit = audit;
    }

    void print(Duration startUp, List<Round> rounds, Duration total) {
        Map<String, Long> outcomes = orders.values().stream().collect(Collectors.groupingBy(
                order -> order.path("status").asString(), TreeMap::new, Collectors.counting()));
        Map<String, Long> unavailable = new TreeMap<>();
        load.unavailableByPhase.forEach((phase, count) -> unavailable.put(phase, count.sum()));
        System.out.printf("[faults] system up in %d ms; %d faults; suite took %d ms%n", startUp.toMillis(),
                rounds.size(), total.toMillis());
        System.out.printf("[faults] orders accepted: %d (outcomes %s); answered again for the same key: %d; "
                        + "503 by phase: %s; lost connections retried: %d; audit: %s%n", load.accepted.size(),
                outcomes, load.repeatsAnswered.sum(), unavailable, load.transportFailures.sum(),
                audit.path("detail").asString());
        long slowest = rounds.stream().filter(round -> round.recovered() != null)
                .mapToLong(round -> round.recovered().toMillis()).max().orElse(-1);
        System.out.printf("[faults] slowest recovery: %d ms%n", slowest);
    }

    void assertKept() {
        SoftAssertions soft = new SoftAssertions();
        List<String> unsettled = load.accepted.keySet().stream().filter(key -> !orders.containsKey(key)
                || !List.of("CONFIRMED", "REJECTED").contains(orders.get(key).path("status").asString()))
                .limit(20).toList();
        soft.assertThat(unsettled).as("accepted orders without an outcome").isEmpty();
        received.forEach((id, units) -> checkRecord(soft, id, units));
        soft.assertThat(audit.path("status").asString()).as("audit outcome").isEqualTo("APPLIED");
        soft.assertThat(audit.path("detail").asString()).as("ledger audit")
                .matches("\\d+ records checked, 0 drifted, 0 break the level invariant");
        soft.assertThat(storedOrders).as("orders stored for the load's shoppers = distinct keys accepted")
                .isEqualTo(load.accepted.size());
        soft.assertThat(load.unavailableByPhase.getOrDefault("broker down", new LongAdder()).sum())
                .as("503s while the broker was down").isPositive();
        soft.assertThat(load.unavailableWithoutRetryAfter.sum()).as("503s without Retry-After").isZero();
        soft.assertThat(load.problems).as("unexpected answers (500s, other errors, keys never answered)").isEmpty();
        soft.assertAll();
    }

    private void checkRecord(SoftAssertions soft, String id, int units) {
        Document record = records.get(id);
        soft.assertThat(record).as("stock record %s", id).isNotNull();
        if (record == null) {
            return;
        }
        int onHand = record.getInteger("onHand");
        int reserved = record.getInteger("reserved");
        soft.assertThat(onHand).as("%s on hand (orders only reserve)", id).isEqualTo(units);
        soft.assertThat(reserved).as("%s reserved = units of confirmed lines", id)
                .isEqualTo(reservedByRecord.getOrDefault(id, 0));
        soft.assertThat(record.getInteger("available")).as("%s available", id).isEqualTo(onHand - reserved)
                .isNotNegative();
    }
}
