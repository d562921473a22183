package org.tokengov.sponsorship;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of {@code SponsorReplacementProcess}'s variables, and typed reads of them. */
public final class SponsorReplacementVariables {

    public static final String PROCESS = "SponsorReplacementProcess";

    /** The external user who lost their sponsor. */
    public static final String EXTERNAL = "external";
    public static final String DEPARTED_SPONSOR = "departedSponsor";
    public static final String OFFBOARDING_EVENT_ID = "offboardingEventId";
    /** The tokens this process put on hold, comma-separated ids: only these are released. */
    public static final String HELD_TOKEN_IDS = "heldTokenIds";
    /** For the task's name and form: the environments and projects of the external's live tokens ("PROD 101, QA 201"). */
    public static final String TOKEN_PROJECTS = "tokenProjects";
    /** The PIs of those projects, comma-separated: the candidate users of the naming task. */
    public static final String SPONSOR_CANDIDATES = "sponsorCandidates";
    /** The form's field: the username of the new sponsor (replaced by the directory's spelling once validated). */
    public static final String NEW_SPONSOR = "newSponsor";
    /** Who named the new sponsor. */
    public static final String NEW_SPONSOR_NAMED_BY = "newSponsorNamedBy";

    private SponsorReplacementVariables() {
    }

    /** One process per external and offboarding event: a retried event finds the process it already started. */
    public static String businessKey(String offboardingEventId, String external) {
        return offboardingEventId + ":" + external;
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Usernames and token ids contain no commas, so lists travel as plain text (no Java serialization). */
    public static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
