package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeCsvTest {

    @Test
    void aHeaderLineThenOneCrlfTerminatedLinePerRowWithNullsEmpty() {
        assertThat(SpreadsheetSafeCsv.of("a,b", List.of(List.of("1", "x, y"), Arrays.asList(null, "=2"))))
                .isEqualTo("a,b\r\n1,\"x, y\"\r\n,'=2\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(SpreadsheetSafeCsv.field("plain text")).isEqualTo("plain text");
        assertThat(SpreadsheetSafeCsv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(SpreadsheetSafeCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SpreadsheetSafeCsv.field("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(SpreadsheetSafeCsv.field("line one\r\nline two")).isEqualTo("\"line one\r\nline two\"");
    }

    @Test
    void whatASpreadsheetWouldRunAsAFormulaStartsWithAQuote() {
        assertThat(SpreadsheetSafeCsv.field("=1+2")).isEqualTo("'=1+2");
        assertThat(SpreadsheetSafeCsv.field("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(SpreadsheetSafeCsv.field("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetSafeCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetSafeCsv.field("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetSafeCsv.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(SpreadsheetSafeCsv.field("a=b")).as("only the first character matters").isEqualTo("a=b");
    }
}
