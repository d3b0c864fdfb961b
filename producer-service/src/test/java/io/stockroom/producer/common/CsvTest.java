package io.stockroom.producer.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assertThat(Csv.row(Arrays.asList("a,b", "say \"hi\"", null, 3))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",,3\r\n");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        assertThat(Csv.row(Arrays.asList("=HYPERLINK(\"x\")", "+1", "@cmd", "-x", "-12.50")))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'@cmd,'-x,-12.50\r\n");
    }
}
