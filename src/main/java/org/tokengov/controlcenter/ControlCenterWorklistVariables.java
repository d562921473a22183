package org.tokengov.controlcenter;

/** Names of ControlCenterWorklistProcess and its variables; nothing else reads them raw. The business key: the wave. */
final class ControlCenterWorklistVariables {

    static final String PROCESS = "ControlCenterWorklistProcess";
    static final String TASK = "Task_DeleteTokensInControlCenter";

    /** The REDCap environment (QA, PROD) whose Control Center the wave is for. */
    static final String ENVIRONMENT = "environment";
    /** How many lines of the wave are still open: at 0 the wave is done, whether or not the task was completed. */
    static final String OPEN_LINES = "openLines";

    /** Task-local, shown read-only: the open lines, one per row. */
    static final String WORKLIST_LINES = "worklistLines";
    /** The form's one field: numbers of lines the administrator confirms, e.g. {@code 17, 18}. */
    static final String CONFIRMED_BY_ME = "confirmedByMe";

    private ControlCenterWorklistVariables() {
    }
}
