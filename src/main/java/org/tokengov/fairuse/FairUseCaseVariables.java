package org.tokengov.fairuse;

/**
 * Names of FairUseCaseProcess (business key = the case's id) and its variables; nothing else reads them raw. The
 * process holds no variable that decides anything: its gateways and timers read the case ({@link FairUseCaseFacts}).
 */
final class FairUseCaseVariables {

    static final String PROCESS = "FairUseCaseProcess";

    /** Task_ConfirmFairUseFix: what the holder changed. */
    static final String FIX_DESCRIPTION = "fairUseFix";
    /** Task_DecideOnFairUseCase: one of {@link FairUseDecision}, and why. */
    static final String DECISION = "fairUseDecision";
    static final String COMMENTS = "fairUseComments";

    /** Local variables the forms show, from the app's tables. */
    static final String TOKEN = "fairUseToken";
    static final String HOLDER = "fairUseHolder";
    static final String RULE = "fairUseRule";
    static final String OBSERVED = "fairUseObserved";
    static final String POLICY = "fairUsePolicy";
    static final String DEADLINE = "fairUseDeadline";
    static final String WHY_ADMINS = "fairUseWhyAdmins";
    static final String EARLIER_CASES = "fairUseEarlierCases";

    private FairUseCaseVariables() {
    }
}
