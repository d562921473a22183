package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.tokengov.usertask.FormValues;

/**
 * The request survey's rules, checked by the engine whatever the client (Tasklist repeats them in the
 * form; a REST caller can skip the form). Also turns the submitted values into typed variables.
 */
final class TokenRequestForm {

    static final int USAGE_MIN = 20;
    static final int USAGE_MAX = 2000;
    static final int SCHEDULE_MAX = 500;
    static final long CALLS_PER_DAY_MAX = 100_000;

    private TokenRequestForm() {
    }

    /** Every problem with the submitted values, in words a requester understands; empty if all is well. */
    static List<String> problems(VariableScope scope) {
        List<String> problems = new ArrayList<>();
        FormValues values = new FormValues(scope, problems);
        values.positiveWholeNumber(PRODUCTION_PROJECT_ID, "Production project id", Long.MAX_VALUE);
        values.positiveWholeNumber(QA_PROJECT_ID, "QA project id", Long.MAX_VALUE);
        boolean export = values.flag(RIGHT_EXPORT, "Export data");
        boolean importData = values.flag(RIGHT_IMPORT, "Import data");
        boolean mobileApp = values.flag(RIGHT_MOBILE_APP, "REDCap mobile app");
        if (!export && !importData && !mobileApp && problems.isEmpty()) {
            problems.add("Choose at least one right: export data, import data or REDCap mobile app.");
        }
        values.flag(FAIR_USE_ACCEPTED, "Fair Use Policy acceptance");
        values.oneOf(INTENDED_USE, "Intended use", Arrays.stream(IntendedUse.values()).map(Enum::name).toList());
        values.text(USAGE_DESCRIPTION, "Usage description", USAGE_MIN, USAGE_MAX);
        values.text(CALL_SCHEDULE, "Call schedule", 1, SCHEDULE_MAX);
        values.positiveWholeNumber(EXPECTED_CALLS_PER_DAY, "Expected API calls per day", CALLS_PER_DAY_MAX);
        return problems;
    }

    /** Stores the values with the contract's types (numbers as long, flags as boolean, texts trimmed). */
    static void normalize(VariableScope scope) {
        for (String name : List.of(PRODUCTION_PROJECT_ID, QA_PROJECT_ID, EXPECTED_CALLS_PER_DAY)) {
            scope.setVariable(name, Variables.longValue(FormValues.asLong(scope.getVariable(name))));
        }
        for (String name : List.of(RIGHT_EXPORT, RIGHT_IMPORT, RIGHT_MOBILE_APP, FAIR_USE_ACCEPTED)) {
            scope.setVariable(name, Variables.booleanValue(Boolean.TRUE.equals(FormValues.asBoolean(scope.getVariable(name)))));
        }
        for (String name : List.of(INTENDED_USE, USAGE_DESCRIPTION, CALL_SCHEDULE)) {
            scope.setVariable(name, Variables.stringValue(scope.getVariable(name).toString().trim()));
        }
    }
}
