package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenState;

class DashboardFilterTest {

    static final DashboardFilter NONE = new DashboardFilter(null, null, null, null);

    @Test
    void emptyFieldsDoNotNarrowAndValuesAreReadWhateverTheirCase() {
        assertThat(DashboardFilter.parse("", " ", null, "")).isEqualTo(NONE);
        assertThat(DashboardFilter.parse("qa", "suspended", " 101 ", "alice"))
                .isEqualTo(new DashboardFilter(RedcapEnvironment.QA, TokenState.SUSPENDED, 101L, "alice"));
    }

    @Test
    void valuesThatDoNotParseAreRefusedWithTheFieldAndWhatItAccepts() {
        assertRefused("TEST", null, null, null, "environment must be one of [QA, PROD], not \"TEST\".");
        assertRefused(null, "LOST", null, null, "state must be one of [QA_ACTIVE, ACTIVE, SUSPENDED, REVOKED, EXPIRED, FOUND, REVOCATION_PENDING]");
        assertRefused(null, null, "abc", null, "project must be a REDCap project id");
        assertRefused(null, null, "-5", null, "project must be a REDCap project id");
        assertRefused(null, null, "0", null, "project must be a REDCap project id");
        assertRefused(null, null, "1234567890123456789", null, "project must be a REDCap project id");
        assertRefused(null, null, null, "alice' or '1'='1", "holder must be a username");
        assertRefused(null, null, null, "x".repeat(200), "holder must be a username");
    }

    @Test
    void aRefusalEchoesAtMostFortyCharactersOfTheValue() {
        assertThatThrownBy(() -> DashboardFilter.parse(null, null, "9".repeat(30) + "x".repeat(30), null))
                .hasMessageContaining("9".repeat(30) + "x".repeat(10) + "…\"");
    }

    @Test
    void parametersRoundTripForTheCsvLink() {
        DashboardFilter filter = DashboardFilter.parse("qa", null, "201", "bob");
        assertThat(filter.parameters()).containsExactly(
                Map.entry("environment", "QA"), Map.entry("project", "201"), Map.entry("holder", "bob"));
        assertThat(NONE.parameters()).isEmpty();
    }

    private static void assertRefused(String environment, String state, String project, String holder, String message) {
        assertThatThrownBy(() -> DashboardFilter.parse(environment, state, project, holder))
                .isInstanceOf(DashboardFilter.Invalid.class)
                .hasMessageContaining(message);
    }
}
