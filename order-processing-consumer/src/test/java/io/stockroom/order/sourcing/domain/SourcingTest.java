package io.stockroom.order.sourcing.domain;

import io.stockroom.contracts.order.SourcingStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourcingTest {

    private static final List<Candidate> PLACES = List.of(
            new Candidate("WH-1", 1, true, 3),
            new Candidate("WH-2", 2, true, 10),
            new Candidate("DS-3", 0, false, 50),
            new Candidate("DS-4", 3, true, 10));

    @Test
    void most_available_picks_the_active_location_with_the_most_units_breaking_ties_by_priority() {
        assertThat(LocationSourcing.of(SourcingStrategy.MOST_AVAILABLE).choose(PLACES, 1)).contains("WH-2");
    }

    @Test
    void most_available_finds_nothing_when_even_the_best_active_location_is_short() {
        assertThat(new MostAvailableSourcing().choose(PLACES, 11)).isEmpty();
    }

    @Test
    void priority_picks_the_first_active_location_in_priority_order_that_can_serve_the_whole_line() {
        PrioritySourcing priority = new PrioritySourcing();

        assertThat(priority.choose(PLACES, 3)).contains("WH-1");
        assertThat(priority.choose(PLACES, 4)).contains("WH-2");
        assertThat(priority.choose(PLACES, 20)).isEmpty();
    }

    @Test
    void an_inactive_location_is_never_chosen_however_much_it_holds() {
        List<Candidate> onlyInactive = List.of(new Candidate("DS-3", 0, false, 50));

        assertThat(new MostAvailableSourcing().choose(onlyInactive, 1)).isEmpty();
        assertThat(new PrioritySourcing().choose(onlyInactive, 1)).isEmpty();
    }

    @Test
    void stock_below_one_unit_serves_nothing() {
        List<Candidate> empty = List.of(new Candidate("WH-1", 1, true, 0), new Candidate("WH-2", 2, true, -1));

        assertThat(new MostAvailableSourcing().choose(empty, 1)).isEmpty();
        assertThat(new PrioritySourcing().choose(empty, 1)).isEmpty();
        assertThat(new MostAvailableSourcing().choose(List.of(), 1)).isEmpty();
    }
}
