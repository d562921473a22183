package org.tokengov.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tokengov.upgrade.RunnableDeployments.Choice;
import org.tokengov.upgrade.RunnableDeployments.Found;
import org.tokengov.upgrade.RunnableDeployments.Kind;

/** The rules alone, on deployments as a node finds them at its start (oldest first). */
class RunnableDeploymentsTest {

    static final SortedMap<String, String> A = diagrams("a");
    static final SortedMap<String, String> B = diagrams("b");
    static final SortedMap<String, String> C = diagrams("c");

    @Test
    void withNoDeploymentTheNodeDeploys() {
        Choice choice = RunnableDeployments.choose(A, List.of());

        assertThat(choice.kind()).isEqualTo(Kind.NEW);
        assertThat(choice.runnable()).isEmpty();
    }

    @Test
    void anOlderReleaseRunsItsOwnDeploymentAndThoseBeforeItIncludingOnesMadeByHand() {
        List<Found> found = List.of(app("1", A), byHand("fix-1"), app("2", B), byHand("fix-2"), app("3", C));

        Choice choice = RunnableDeployments.choose(B, found);

        assertThat(choice.kind()).isEqualTo(Kind.OLDER);
        assertThat(choice.own().id()).isEqualTo("2");
        assertThat(choice.latest().id()).isEqualTo("3");
        assertThat(choice.runnable()).containsExactly("1", "fix-1", "2");
    }

    @Test
    void theLatestReleaseRunsEveryDeployment() {
        List<Found> found = List.of(app("1", A), app("2", B), byHand("fix-2"));

        assertThat(RunnableDeployments.choose(B, found)).satisfies(choice -> {
            assertThat(choice.kind()).isEqualTo(Kind.UNCHANGED);
            assertThat(choice.runnable()).containsExactly("1", "2", "fix-2");
        });
        assertThat(RunnableDeployments.choose(C, found)).satisfies(choice -> {
            assertThat(choice.kind()).isEqualTo(Kind.NEW);
            assertThat(choice.runnable()).containsExactly("1", "2", "fix-2");
        });
    }

    @Test
    void diagramsDeployedAgainAfterARollbackCountAsTheLatest() {
        List<Found> found = List.of(app("1", A), app("2", B), app("3", A));

        Choice choice = RunnableDeployments.choose(A, found);

        assertThat(choice.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(choice.own().id()).isEqualTo("3");
    }

    @Test
    void aDeploymentMadeByHandIsNeverTakenForTheNodesOwn() {
        List<Found> found = List.of(app("1", A), new Found("by-hand-with-b", Instant.EPOCH, null));

        assertThat(RunnableDeployments.choose(B, found).kind()).isEqualTo(Kind.NEW);
    }

    private static Found app(String id, SortedMap<String, String> diagrams) {
        return new Found(id, Instant.EPOCH, () -> diagrams);
    }

    private static Found byHand(String id) {
        return new Found(id, Instant.EPOCH, null);
    }

    private static SortedMap<String, String> diagrams(String digest) {
        return new TreeMap<>(java.util.Map.of("Work.bpmn", digest, "Other.bpmn", "same"));
    }
}
