package org.tokengov.requestbutton;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names of {@code RequestButtonProcess}'s ids and variables. The variables serve the diagram (task name,
 * assignee, routing); who asked for which project, and which request answered it, is read from the app's own table
 * of taken rows, never from them.
 */
public final class RequestButtonVariables {

    public static final String PROCESS = "RequestButtonProcess";
    public static final String MSG_REQUEST_DECIDED = "Msg_TokenRequestDecided";

    public static final String ENVIRONMENT = "environment";
    public static final String PROJECT_ID = "projectId";
    public static final String TODO_REQUEST_ID = "todoRequestId";
    public static final String REQUESTER = "requester";
    /** Set by {@code Task_CheckRequester}: whether the requester may request tokens here, and if not, why. */
    public static final String REQUESTER_ENTITLED = "requesterEntitled";
    public static final String NOT_ENTITLED_REASON = "notEntitledReason";
    /** The token request the answered survey started. */
    public static final String TOKEN_REQUEST_ID = "tokenRequestId";
    /** Local input parameter of {@code closeTodoRowDelegate}: why the row is closed (a {@link TodoOutcome}). */
    public static final String TODO_OUTCOME = "todoOutcome";

    private RequestButtonVariables() {
    }

    /** {@code QA-17}: the environment and REDCap's request_id, unique per taken row. */
    static String businessKey(String environment, long todoRequestId) {
        return environment + "-" + todoRequestId;
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
