package org.tokengov.attestation;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of {@code PolicyAttestationProcess}'s variables, and typed reads of them. */
public final class PolicyAttestationVariables {

    public static final String PROCESS = "PolicyAttestationProcess";

    /** The holders asked in this campaign, comma-separated (usernames have no commas; no Java serialization). */
    public static final String HOLDERS_TO_ATTEST = "holdersToAttest";
    /** When the campaign started: attestations from then on count for it. */
    public static final String CAMPAIGN_STARTED_AT = "campaignStartedAt";
    /** The element variable of the multi-instance task: the holder this task is for. */
    public static final String HOLDER = "holder";
    /** Task-local, for the form: the holder's live tokens, one per line. */
    public static final String LIVE_TOKENS = "liveTokens";
    public static final String POLICY_ATTESTED = "policyAttested";

    private PolicyAttestationVariables() {
    }

    public static List<String> holders(VariableScope scope) {
        return holders((String) scope.getVariable(HOLDERS_TO_ATTEST));
    }

    public static List<String> holders(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    public static Date campaignStartedAt(VariableScope scope) {
        return (Date) scope.getVariable(CAMPAIGN_STARTED_AT);
    }
}
