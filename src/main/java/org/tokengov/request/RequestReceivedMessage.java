package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/** What the requester is told when their survey arrives: what they asked for, and what happens next. */
final class RequestReceivedMessage {

    private RequestReceivedMessage() {
    }

    static String body(VariableScope request) {
        return "Your request for a REDCap API token was received. What you asked for:\n"
                + "Production project " + productionProjectId(request) + ", QA project " + qaProjectId(request) + "\n"
                + "Intended use: " + text(request, INTENDED_USE) + "\n"
                + "How you will use it: " + text(request, USAGE_DESCRIPTION) + "\n"
                + "When it calls the API: " + text(request, CALL_SCHEDULE) + " (about "
                + request.getVariable(EXPECTED_CALLS_PER_DAY) + " calls a day)\n\n"
                + "Next, your eligibility is checked. If you are eligible, a QA token is created and you are asked to "
                + "develop and test your code in QA; then an API specialist reviews it and a REDCap administrator "
                + "approves the production token. You get a mail at each step.";
    }
}
