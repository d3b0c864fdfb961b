package io.stockroom.bench.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aThousandPerSecondIsOneSlotEveryMillisecondFromTheStart() {
        Schedule schedule = new Schedule(5_000, 1_000, 2 * SECOND);

        assertThat(schedule.slots()).isEqualTo(2_000);
        assertThat(schedule.intendedAt(0)).isEqualTo(5_000);
        assertThat(schedule.intendedAt(1)).isEqualTo(5_000 + 1_000_000);
        assertThat(schedule.intendedAt(1_999)).isEqualTo(5_000 + 1_999_000_000L);
    }

    @Test
    void aRateThatDoesNotDivideASecondDoesNotDrift() {
        Schedule schedule = new Schedule(0, 3, 10 * SECOND);

        assertThat(schedule.slots()).isEqualTo(30);
        assertThat(schedule.intendedAt(1)).isEqualTo(333_333_333);
        // Slot 3 is exactly one second in: rounding per slot, not accumulated.
        assertThat(schedule.intendedAt(3)).isEqualTo(SECOND);
        assertThat(schedule.intendedAt(29)).isEqualTo(9_666_666_667L);
    }

    @Test
    void slotsAreHandedOutOnceEachThenTheScheduleIsUsedUp() {
        Schedule schedule = new Schedule(0, 10, SECOND / 2);

        List<Long> claimed = new ArrayList<>();
        long slot;
        while ((slot = schedule.claim()) >= 0) {
            claimed.add(slot);
        }

        assertThat(claimed).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(schedule.claim()).isEqualTo(-1);
        assertThat(schedule.claimed()).isEqualTo(5);
    }

    @Test
    void manySendersClaimingAtOnceGetEverySlotExactlyOnce() throws InterruptedException {
        Schedule schedule = new Schedule(0, 100_000, SECOND / 10);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            senders.add(Thread.ofVirtual().start(() -> {
                long slot;
                while ((slot = schedule.claim()) >= 0) {
                    if (!seen.add(slot)) {
                        duplicates.add(slot);
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }

        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(10_000);
        assertThat(seen).contains(0L, 9_999L).doesNotContain(10_000L);
    }

    @Test
    void aRateOrDurationThatMakesNoScheduleIsRefused() {
        assertThatThrownBy(() -> new Schedule(0, 0, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(0, Double.NaN, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
