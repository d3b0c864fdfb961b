package io.stockroom.producer.importing.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvLineTest {

    @Test
    void quoted_fields_may_hold_commas_and_doubled_quotes() {
        assertThat(CsvLine.split("A1,\"Diver, 42 mm\",\"the \"\"best\"\"\",,9"))
                .containsExactly("A1", "Diver, 42 mm", "the \"best\"", "", "9");
    }

    @Test
    void an_unclosed_quote_is_an_error() {
        assertThatThrownBy(() -> CsvLine.split("A1,\"open")).isInstanceOf(IllegalArgumentException.class);
    }
}
