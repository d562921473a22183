package org.tokengov.issuance;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;

/** The names of {@code TokenIssuanceProcess}'s variables, and typed reads of them. */
public final class TokenIssuanceVariables {

    public static final String ENVIRONMENT = "environment";
    public static final String PROJECT_ID = "projectId";
    public static final String HOLDER = "holder";
    public static final String REQUEST_ID = "requestId";
    public static final String RIGHT_EXPORT = "rightExport";
    public static final String RIGHT_IMPORT = "rightImport";
    public static final String RIGHT_MOBILE_APP = "rightMobileApp";
    /** SHA-256 of the value written in the database mode; the value itself is never a variable. */
    public static final String TOKEN_FINGERPRINT = "tokenFingerprint";
    public static final String TOKEN_CREATED_CONFIRMED = "tokenCreatedConfirmed";
    public static final String RIGHTS_VERIFIED = "rightsVerified";
    public static final String VERIFICATION_PROBLEM = "verificationProblem";
    public static final String TOKEN_ID = "tokenId";
    /** Whether the request ledger allows this issuance; {@code refusedGate} names what is missing if not. */
    public static final String ISSUANCE_ALLOWED = "issuanceAllowed";
    public static final String REFUSED_GATE = "refusedGate";

    private TokenIssuanceVariables() {
    }

    public static RedcapEnvironment environment(VariableScope scope) {
        return RedcapEnvironment.valueOf((String) scope.getVariable(ENVIRONMENT));
    }

    public static long projectId(VariableScope scope) {
        return ((Number) scope.getVariable(PROJECT_ID)).longValue();
    }

    public static String holder(VariableScope scope) {
        return (String) scope.getVariable(HOLDER);
    }

    public static String requestId(VariableScope scope) {
        return (String) scope.getVariable(REQUEST_ID);
    }

    public static TokenRights rights(VariableScope scope) {
        return new TokenRights(Boolean.TRUE.equals(scope.getVariable(RIGHT_EXPORT)),
                Boolean.TRUE.equals(scope.getVariable(RIGHT_IMPORT)),
                Boolean.TRUE.equals(scope.getVariable(RIGHT_MOBILE_APP)));
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static TokenFingerprint fingerprint(VariableScope scope) {
        Object value = scope.getVariable(TOKEN_FINGERPRINT);
        return value == null ? null : new TokenFingerprint(value.toString());
    }
}
