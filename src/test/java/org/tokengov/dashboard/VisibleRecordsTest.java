package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenSelection;
import org.tokengov.registry.TokenState;

/** Whose tokens the figures, lists and export count: the selection the registry is asked about. */
class VisibleRecordsTest {

    static final Viewer ADA = new Viewer("ada", true, List.of("redcap-admins"));
    static final Viewer BOB = new Viewer("bob", false, List.of("api-requesters"));

    final VisibleRecords records = new VisibleRecords(null, null);

    @Test
    void aHolderAlwaysGetsOnlyTheirOwnTokensWhateverElseTheFilterSays() {
        assertThat(records.tokens(BOB, DashboardFilter.parse(null, null, null, null)))
                .isEqualTo(new TokenSelection("bob", null, null, EnumSet.allOf(TokenState.class)));
        assertThat(records.tokens(BOB, DashboardFilter.parse("PROD", "SUSPENDED", "101", "bob")))
                .isEqualTo(new TokenSelection("bob", RedcapEnvironment.PROD, 101L, EnumSet.of(TokenState.SUSPENDED)));
        assertThatThrownBy(() -> records.tokens(BOB, DashboardFilter.parse(null, null, null, "alice")))
                .isInstanceOf(DashboardFilter.Invalid.class)
                .hasMessage("Only REDCap administrators can look at other people's tokens and requests.");
    }

    @Test
    void administratorsGetEveryonesTokensOrTheHolderTheyAskFor() {
        assertThat(records.tokens(ADA, DashboardFilter.parse(null, null, null, null)).holder()).isNull();
        assertThat(records.tokens(ADA, DashboardFilter.parse("QA", null, null, "alice")))
                .isEqualTo(new TokenSelection("alice", RedcapEnvironment.QA, null, EnumSet.allOf(TokenState.class)));
    }
}
