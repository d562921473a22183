package org.tokengov.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.input.StrictJson;

/**
 * Reading and checking a usage-event delivery: the documented shape is read, what the rules need is counted, and every
 * malformed call is named by its place and id with the field that is wrong.
 */
class UsageEventDeliveryTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    static final String DOCUMENTED = """
            {"calls":[{"id":"c-1","environment":"PROD","projectId":101,"username":"alice","at":"2026-12-07T10:00:00Z",
            "content":"record","action":"export","records":["1","2"],"fields":["age"],"forms":[],"events":[],
            "filterLogic":"[age] > 30","dateRangeBegin":"2026-12-01 00:00:00","dateRangeEnd":null,"fileField":null}]}""";

    static String call(String id, String overrides) {
        return "{\"id\":\"" + id + "\",\"environment\":\"PROD\",\"projectId\":101,\"username\":\"alice\","
                + "\"at\":\"2026-12-07T10:00:00Z\",\"content\":\"record\",\"action\":\"export\"" + overrides + "}";
    }

    static UsageEventDelivery read(String body) {
        return StrictJson.read(body.getBytes(StandardCharsets.UTF_8), UsageEventDelivery.class);
    }

    static List<String> problems(String body) {
        return read(body).problems(NOW, TOLERANCE, 100);
    }

    @Test
    void theDocumentedShapeIsReadAndCountedWithoutKeepingTheValues() {
        UsageEventDelivery delivery = read(DOCUMENTED);

        assertThat(delivery.problems(NOW, TOLERANCE, 100)).isEmpty();
        ReportedCall call = delivery.calls().get(0);
        assertThat(call.calledAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(call.recordCount()).isEqualTo(2);
        assertThat(call.fieldCount()).isEqualTo(1);
        assertThat(call.formCount()).isZero();
        assertThat(call.hasFilterLogic()).isTrue();
        assertThat(call.hasDateRange()).isTrue();
        assertThat(call.hasFileField()).isFalse();
    }

    @Test
    void optionalParametersMayBeLeftOutAndBlankOnesAreAbsent() {
        ReportedCall call = read("{\"calls\":[" + call("c-2", ",\"filterLogic\":\" \",\"dateRangeEnd\":\"\"") + "]}")
                .calls().get(0);

        assertThat(read("{\"calls\":[" + call("c-2", ",\"filterLogic\":\" \",\"dateRangeEnd\":\"\"") + "]}")
                .problems(NOW, TOLERANCE, 100)).isEmpty();
        assertThat(call.recordCount()).isZero();
        assertThat(call.hasFilterLogic()).isFalse();
        assertThat(call.hasDateRange()).isFalse();
        assertThat(read("{\"calls\":[" + call("c-3", ",\"dateRangeEnd\":\"2026-12-06\",\"fileField\":\"scan\"") + "]}")
                .calls().get(0)).satisfies(c -> {
                    assertThat(c.hasDateRange()).isTrue();
                    assertThat(c.hasFileField()).isTrue();
                });
        assertThat(problems("{\"calls\":[]}")).as("an empty delivery is no mistake").isEmpty();
    }

    @Test
    void aBadCallIsNamedByPlaceAndIdWithEveryWrongField() {
        List<String> problems = problems("{\"calls\":[" + call("ok-1", "") + ","
                + "{\"id\":\"bad-1\",\"environment\":\"DEV\",\"projectId\":0,\"username\":\"\",\"at\":\"yesterday\","
                + "\"content\":\"record; drop\",\"records\":[\"1\",null],\"dateRangeBegin\":\"last week\"}]}");

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("calls[1] (id \"bad-1\"): ")
                .contains("environment must be QA or PROD", "projectId is required", "username is required",
                        "at is required", "content is required", "action is required", "records must hold strings only",
                        "dateRangeBegin must be REDCap's YYYY-MM-DD HH:MM:SS");
        assertThat(problems.get(1)).isEqualTo("Nothing of this delivery was stored.");
    }

    @Test
    void idsAndUsernamesWithControlCharactersAndTimesOutOfRangeAreRefused() {
        assertThat(problems("{\"calls\":[" + call("a\\u0000b", "") + "]}").get(0))
                .startsWith("calls[0]: ").contains("id is required");
        assertThat(problems("{\"calls\":[" + call("x".repeat(256), "") + "]}").get(0)).contains("id is required");
        assertThat(problems("{\"calls\":[" + call("c-4", "").replace("\"alice\"", "\"alice\\nadmin\"") + "]}").get(0))
                .contains("username is required");
        assertThat(problems("{\"calls\":[" + call("c-5", "").replace("2026-12-07T10:00:00Z", "2026-12-07T12:06:00Z")
                + "]}").get(0)).contains("at must be a time between 2000 and now");
        assertThat(problems("{\"calls\":[" + call("c-6", "").replace("2026-12-07T10:00:00Z", "1999-12-31T23:59:59Z")
                + "]}").get(0)).contains("at must be a time between 2000 and now");
        assertThat(problems("{\"calls\":[" + call("c-7", "").replace("2026-12-07T10:00:00Z", "2026-12-07T10:00:00")
                + "]}").get(0)).as("a time without offset is ambiguous").contains("at is required");
        assertThat(problems("{\"calls\":[" + call("c-8", "").replace("2026-12-07T10:00:00Z", "2026-12-07T11:00:00+01:00")
                + "]}")).as("any offset").isEmpty();
    }

    @Test
    void aDeliveryWithoutCallsOrWithTooManyIsRefusedAsAWhole() {
        assertThat(problems("{}")).containsExactly("calls is required: a list of at most 100 calls.");
        assertThat(problems("{\"calls\":null}")).containsExactly("calls is required: a list of at most 100 calls.");
        assertThat(problems("{\"calls\":[null]}")).containsExactly("calls[0]: is null.", "Nothing of this delivery was stored.");
        String three = "{\"calls\":[" + call("a", "") + "," + call("b", "") + "," + call("c", "") + "]}";
        assertThat(read(three).problems(NOW, TOLERANCE, 2)).singleElement().asString()
                .contains("at most 2 calls", "holds 3", "send the rest in another delivery");
    }

    @Test
    void manyBadCallsAreListedUpToTenAndCountedBeyond() {
        List<String> calls = new ArrayList<>(Collections.nCopies(12, "{\"id\":\"x\"}"));
        List<String> problems = problems("{\"calls\":[" + String.join(",", calls) + "]}");

        assertThat(problems).hasSize(UsageEventDelivery.LISTED_PROBLEMS + 2);
        assertThat(problems.get(10)).isEqualTo("And 2 more calls with problems.");
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedNamingTheCall() {
        assertThatThrownBy(() -> read("{\"calls\":[" + call("c-9", ",\"token\":\"x\"") + "]}"))
                .isInstanceOf(StrictJson.Unreadable.class)
                .hasMessageContaining("Unknown field \"token\" in calls[0]; the fields are action, at, content");
        assertThatThrownBy(() -> read("{\"calls\":[" + call("c-10", ",\"records\":[\"1\",2]") + "]}"))
                .hasMessage("calls[0].records[1] must be a string.");
        assertThatThrownBy(() -> read("{\"calls\":[" + call("c-11", "").replace("101", "\"101\"") + "]}"))
                .hasMessage("calls[0].projectId must be a whole number.");
        assertThatThrownBy(() -> read("{\"calls\":[],\"extra\":1}")).hasMessageContaining("Unknown field \"extra\"; the fields are calls.");
    }
}
