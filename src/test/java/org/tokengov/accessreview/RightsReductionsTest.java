package org.tokengov.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenRights;

/** The PI's reductions and project-access endings are read strictly: only reductions, only of listed holders. */
class RightsReductionsTest {

    static final TokenRights ALL = new TokenRights(true, true, true);
    static final TokenRights EXPORT_IMPORT = new TokenRights(true, true, false);
    static final TokenRights EXPORT = new TokenRights(true, false, false);
    static final HolderRights LISTED = new HolderRights(new LinkedHashMap<>(Map.of("alice", ALL, "bob", EXPORT_IMPORT)));

    @Test
    void eachHolderKeepsTheNamedRightsInTheListedSpelling() {
        Map<String, TokenRights> keep = RightsReductions.read("BOB: Export\nalice : export, mobile app ;", List.of(), LISTED);

        assertThat(keep).containsEntry("bob", EXPORT).containsEntry("alice", new TokenRights(true, false, true));
        assertThat(RightsReductions.write(Map.of("bob", EXPORT))).isEqualTo("bob: export");
        assertThat(RightsReductions.read(" \n ", List.of(), LISTED)).isEmpty();
        assertThat(RightsReductions.read(null, List.of(), LISTED)).isEmpty();
    }

    @Test
    void aReviewNeverAddsARightAndMustTakeOneAway() {
        assertThatThrownBy(() -> RightsReductions.read("bob: export, mobile_app", List.of(), LISTED))
                .hasMessageContaining("bob does not have mobile_app enabled in REDCap: a review reduces rights, never adds one.");
        assertThatThrownBy(() -> RightsReductions.read("bob: import, export", List.of(), LISTED))
                .hasMessageContaining("bob keeps every right they have (import, export): nothing to reduce.");
        assertThatThrownBy(() -> RightsReductions.read("bob:", List.of(), LISTED))
                .hasMessageContaining("name the rights bob keeps; to take every right, revoke their token.");
    }

    @Test
    void unknownHoldersRightsAndShapesAreRefusedAllAtOnce() {
        assertThatThrownBy(() -> RightsReductions.read("mallory: export\nalice: delete\nbob export\nalice: export\n"
                + "alice: export", List.of(), LISTED))
                .isInstanceOf(AccessReviewAnswer.Invalid.class)
                .hasMessageContaining("mallory is not listed with API rights on this project.")
                .hasMessageContaining("\"delete\" for alice is no API right")
                .hasMessageContaining("write one holder per line with the rights they keep, e.g. \"alice: export\" (not \"bob export\").")
                .hasMessageContaining("alice is named twice.");
        assertThatThrownBy(() -> RightsReductions.read("bob: export", List.of("bob"), LISTED))
                .hasMessageContaining("bob's token is revoked");
        assertThatThrownBy(() -> RightsReductions.read("x".repeat(4001), List.of(), LISTED))
                .hasMessageContaining("at most 4000 characters");
    }

    @Test
    void theEnabledRightsTravelAsOneProcessVariable() {
        HolderRights decoded = HolderRights.decode(new HolderRights(Map.of("carol", new TokenRights(false, false, false)))
                .encode());
        assertThat(decoded.of("carol")).contains(new TokenRights(false, false, false));
        assertThat(HolderRights.decode(LISTED.encode())).isEqualTo(LISTED);
        assertThat(HolderRights.decode(null).enabled()).isEmpty();
    }

    @Test
    void onlyRevokedHoldersOfAProductionProjectLoseTheirProjectAccess() {
        ReviewedProject prod = new ReviewedProject(RedcapEnvironment.PROD, 101);
        assertThat(ProjectAccessEndings.read(" Bob ,alice", List.of("alice", "bob"), prod)).containsExactly("alice", "bob");
        assertThat(ProjectAccessEndings.read("", List.of("alice"), prod)).isEmpty();
        assertThatThrownBy(() -> ProjectAccessEndings.read("alice, carol", List.of("alice"), prod))
                .isInstanceOf(AccessReviewAnswer.Invalid.class)
                .hasMessage("Also end project access: only people whose token you revoke above: carol.");
        assertThatThrownBy(() -> ProjectAccessEndings.read("alice", List.of("alice"),
                new ReviewedProject(RedcapEnvironment.QA, 201)))
                .hasMessageContaining("only on a production project's review");
    }
}
