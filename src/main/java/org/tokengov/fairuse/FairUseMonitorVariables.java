package org.tokengov.fairuse;

/** The variables of {@code FairUseMonitorProcess}: what a run found, for Cockpit's history. */
final class FairUseMonitorVariables {

    static final String PROCESS = "FairUseMonitorProcess";
    static final String USERS_WITH_CALLS = "usersWithCalls";
    static final String NEW_FINDINGS = "newFindings";
    static final String CASES_OPENED = "casesOpened";

    private FairUseMonitorVariables() {
    }
}
