package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ApiResponsesTest {

    @Test
    void errorsTakeTheShapeOfTheReturnFormat() {
        assertThat(ApiResponses.error(HttpStatus.FORBIDDEN, "No \"way\"", Format.JSON).getBody())
                .isEqualTo("{\"error\":\"No \\\"way\\\"\"}");
        assertThat(ApiResponses.error(HttpStatus.FORBIDDEN, "No <way>", Format.XML).getBody())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>No &lt;way&gt;</error></hash>");
        assertThat(ApiResponses.error(HttpStatus.FORBIDDEN, "No way", Format.CSV).getBody()).isEqualTo("ERROR: No way");
    }

    @Test
    void csvHasAHeaderAndQuotesOnlyWhereNeeded() {
        ResponseEntity<String> csv = ApiResponses.table(List.of(row("a,b", "say \"hi\""), row("plain", 1)),
                List.of("name", "value"), Format.CSV, "rows", "row");

        assertThat(csv.getBody()).isEqualTo("name,value\n\"a,b\",\"say \"\"hi\"\"\"\nplain,1\n");
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    }

    @Test
    void anEmptyCsvTableStillHasItsHeader() {
        assertThat(ApiResponses.table(List.of(), List.of("timestamp", "username"), Format.CSV, "logs", "log").getBody())
                .isEqualTo("timestamp,username\n");
    }

    @Test
    void xmlTablesNestRowsUnderTheRoot() {
        assertThat(ApiResponses.table(List.of(row("x&y", 1)), List.of("name", "value"), Format.XML, "users", "item")
                .getBody())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<users>\n"
                        + "<item><name>x&amp;y</name><value>1</value></item>\n</users>\n");
    }

    @Test
    void jsonKeepsNumbersAsNumbers() {
        assertThat(ApiResponses.table(List.of(row("bob", 0)), List.of("name", "value"), Format.JSON, "users", "item")
                .getBody())
                .isEqualTo("[{\"name\":\"bob\",\"value\":0}]");
    }

    private static Map<String, Object> row(String name, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("value", value);
        return row;
    }
}
