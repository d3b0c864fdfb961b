package io.stockroom.stock.movement.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.stock.CommandContext;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.TransientFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemCheckTest {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final StockKey KEY = new StockKey("HC-WATCH-1", "HC-1");
    private static final ReceiveStock RECEIVE = new ReceiveStock("cmd-1", KEY.sku(), KEY.location(), 1, null);

    /** A catalogue copy holding exactly one item (or none). */
    private record OneItemCatalog(String sku) implements Catalog {
        @Override
        public OptionalInt lowStockThresholdOf(String wanted) {
            return wanted.equals(sku) ? OptionalInt.of(2) : OptionalInt.empty();
        }

        @Override
        public void recordAll(List<ItemEvent> events) {
            throw new UnsupportedOperationException("read-only in this test");
        }
    }

    private static ItemCheck check(String knownSku, Optional<Instant> caughtUpAt) {
        return new ItemCheck(new OneItemCatalog(knownSku), () -> caughtUpAt, GRACE);
    }

    private static CommandContext sentAtHandledAt(Instant sentAt, Instant now) {
        return new CommandContext("admin", "corr-1", sentAt, now);
    }

    @Test
    void a_known_item_passes_whatever_the_state_of_the_copy() {
        assertThat(check(KEY.sku(), Optional.empty()).check(RECEIVE, KEY, sentAtHandledAt(T0, T0.plusSeconds(60))))
                .isEmpty();
    }

    @Test
    void an_unknown_item_waits_while_the_copy_is_still_reading_its_queue_however_old_the_command() {
        ItemCheck check = check("OTHER-SKU", Optional.empty());

        assertThatThrownBy(() -> check.check(RECEIVE, KEY, sentAtHandledAt(T0, T0.plus(Duration.ofHours(1)))))
                .isInstanceOf(TransientFailure.class).hasMessageContaining("still reading its queue");
    }

    @Test
    void a_command_sent_while_the_service_was_down_gets_the_grace_from_when_the_copy_caught_up() {
        Instant caughtUp = T0.plusSeconds(30);
        ItemCheck check = check("OTHER-SKU", Optional.of(caughtUp));

        assertThatThrownBy(() -> check.check(RECEIVE, KEY, sentAtHandledAt(T0, caughtUp.plusSeconds(9))))
                .isInstanceOf(TransientFailure.class);
        assertThat(check.check(RECEIVE, KEY, sentAtHandledAt(T0, caughtUp.plusSeconds(11))))
                .map(CommandOutcome::reasonCode).contains(RejectionCode.UNKNOWN_SKU);
    }

    @Test
    void a_command_sent_after_the_copy_caught_up_gets_the_grace_from_when_it_was_sent() {
        ItemCheck check = check("OTHER-SKU", Optional.of(T0));
        Instant sent = T0.plusSeconds(100);

        assertThatThrownBy(() -> check.check(RECEIVE, KEY, sentAtHandledAt(sent, sent.plusSeconds(9))))
                .isInstanceOf(TransientFailure.class).hasMessageContaining("not in the catalogue yet");
        assertThat(check.check(RECEIVE, KEY, sentAtHandledAt(sent, sent.plusSeconds(11))))
                .map(CommandOutcome::reasonCode).contains(RejectionCode.UNKNOWN_SKU);
    }
}
