package org.tokengov.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessReviewAnswerTest {

    static final List<String> LISTED = List.of("alice", "bob", "carol");

    @Test
    void nothingNamedKeepsEveryone() {
        assertThat(AccessReviewAnswer.read(null, true, LISTED))
                .isEqualTo(new AccessReviewAnswer(List.of(), LISTED));
        assertThat(AccessReviewAnswer.read("  ", true, LISTED).keep()).isEqualTo(LISTED);
    }

    @Test
    void namedHoldersAreRevokedInTheListedSpellingAndOrderAndTheOthersKept() {
        AccessReviewAnswer answer = AccessReviewAnswer.read(" Carol,alice ; ALICE\nbob,", true, LISTED);

        assertThat(answer.revoke()).containsExactly("alice", "bob", "carol");
        assertThat(answer.keep()).isEmpty();
        assertThat(AccessReviewAnswer.read("carol", true, LISTED))
                .isEqualTo(new AccessReviewAnswer(List.of("carol"), List.of("alice", "bob")));
    }

    @Test
    void aNameNotListedIsRefusedSoATypoNeverKeepsSomeoneSilently() {
        assertThatThrownBy(() -> AccessReviewAnswer.read("alice, bobb, mallory", true, LISTED))
                .isInstanceOf(AccessReviewAnswer.Invalid.class)
                .hasMessage("Not listed as holding a live token on this project: bobb, mallory. "
                        + "Name only people from the list, separated by commas.");
    }

    @Test
    void theReviewMustBeConfirmed() {
        for (Object unconfirmed : new Object[] {null, false, "true"}) {
            assertThatThrownBy(() -> AccessReviewAnswer.read("", unconfirmed, LISTED))
                    .hasMessage("Confirm that you have reviewed everyone listed.");
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> AccessReviewAnswer.read("x".repeat(4001), false, LISTED))
                .hasMessageContaining("Confirm that you have reviewed everyone listed.")
                .hasMessageContaining("at most 4000 characters")
                .hasMessageContaining("Not listed");
    }

    @Test
    void withNobodyListedOnlyAnEmptyAnswerIsValid() {
        assertThat(AccessReviewAnswer.read("", true, List.of())).isEqualTo(new AccessReviewAnswer(List.of(), List.of()));
        assertThatThrownBy(() -> AccessReviewAnswer.read("alice", true, List.of())).hasMessageContaining("alice");
    }
}
