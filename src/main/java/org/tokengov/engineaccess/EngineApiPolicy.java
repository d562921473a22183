package org.tokengov.engineaccess;

import java.util.List;
import java.util.Set;

/**
 * Which calls to Camunda's engine APIs people other than administrators may make: the allow-list. Reads (GET, HEAD,
 * OPTIONS) pass, as Camunda's authorizations govern them. Of the writing calls only what Tasklist needs to work a
 * step and start a process passes, some with checks of the request body; POST queries that only read pass too.
 * Everything else, including any endpoint a later Camunda adds, is refused.
 */
final class EngineApiPolicy {

    enum Decision {
        /** Passes as it is (the command guard still judges what it runs). */
        ALLOW,
        /** Refused outright. */
        REFUSE,
        /** Passes if the body claims the step for the caller. */
        CLAIM,
        /** Passes if the body submits only fields of the step's form, with plain values. */
        SUBMIT_TASK_FORM,
        /** Passes if the body starts the process at its beginning with only fields of its start form, plain values. */
        START_BY_ID,
        /** As {@link #START_BY_ID}, for the latest version of the process with the key in the path. */
        START_BY_KEY
    }

    record Verdict(Decision decision, Forbidden forbidden, String target) {

        static Verdict allow() {
            return new Verdict(Decision.ALLOW, null, null);
        }

        static Verdict refuse(Forbidden forbidden) {
            return new Verdict(Decision.REFUSE, forbidden, null);
        }

        static Verdict check(Decision decision, String target) {
            return new Verdict(decision, null, target);
        }
    }

    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * POST endpoints that only query (the GET queries with the query in the body), which Tasklist and Cockpit use;
     * Camunda's authorizations decide what they return, as for GET.
     */
    private static final List<String> POST_QUERIES = List.of("task", "task/count", "filter/*/list", "filter/*/count",
            "filter/*/singleResult", "process-instance", "process-instance/count", "execution", "execution/count",
            "variable-instance", "variable-instance/count", "job", "job/count", "job-definition", "job-definition/count",
            "external-task", "external-task/count", "group", "group/count", "case-instance", "case-instance/count",
            "case-execution", "case-execution/count", "history/process-instance", "history/process-instance/count",
            "history/activity-instance", "history/activity-instance/count", "history/task", "history/task/count",
            "history/variable-instance", "history/variable-instance/count", "history/detail", "history/job-log",
            "history/job-log/count", "history/external-task-log", "history/external-task-log/count", "history/case-instance",
            "history/case-instance/count");

    private EngineApiPolicy() {
    }

    static Verdict decide(String method, EngineApiPath path) {
        if (READING_METHODS.contains(method)) {
            return Verdict.allow();
        }
        if (!"POST".equals(method)) {
            return Verdict.refuse(forbiddenFor(path));
        }
        if (POST_QUERIES.stream().anyMatch(path::is)) {
            return Verdict.allow();
        }
        if (path.is("task/*/unclaim") || path.is("task/*/comment/create")) {
            return Verdict.allow(); // the guard checks whose step it is
        }
        if (path.is("task/*/claim")) {
            return Verdict.check(Decision.CLAIM, path.segment(1));
        }
        if (path.is("task/*/submit-form") || path.is("task/*/complete")) {
            return Verdict.check(Decision.SUBMIT_TASK_FORM, path.segment(1));
        }
        if (!path.is("process-definition/key/*") && (path.is("process-definition/*/start") || path.is("process-definition/*/submit-form"))) {
            return Verdict.check(Decision.START_BY_ID, path.segment(1));
        }
        if (path.is("process-definition/key/*/start") || path.is("process-definition/key/*/submit-form")) {
            return Verdict.check(Decision.START_BY_KEY, path.segment(2));
        }
        return Verdict.refuse(forbiddenFor(path));
    }

    /** Which sentence a refused call gets: the nearest family of what it tried. */
    static Forbidden forbiddenFor(EngineApiPath path) {
        if (path.contains("variables") || path.contains("localVariables") || path.contains("variables-async")) {
            return Forbidden.WRITE_DATA;
        }
        if (path.contains("bpmnError") || path.contains("bpmnEscalation")) {
            return Forbidden.END_WITH_ERROR;
        }
        if (path.contains("delegate") || path.contains("resolve")) {
            return Forbidden.DELEGATE;
        }
        if (path.contains("assignee") || path.contains("identity-links")) {
            return Forbidden.REASSIGN;
        }
        if (path.contains("message") || path.contains("message-async") || path.contains("signal") || path.contains("trigger")) {
            return Forbidden.SEND_MESSAGES;
        }
        if (path.contains("condition") || path.contains("start") || path.contains("submit-form")) {
            return Forbidden.START_ELSEWHERE;
        }
        if (path.contains("modification") || path.contains("modification-async") || path.contains("migration")
                || path.contains("restart") || path.contains("restart-async") || path.contains("suspended")
                || path.contains("suspended-async") || path.is("process-instance/*") || path.is("process-instance/delete")) {
            return Forbidden.MOVE_PROCESSES;
        }
        String first = path.segments().isEmpty() ? "" : path.segment(0);
        return switch (first) {
            case "task" -> Forbidden.CHANGE_TASKS;
            case "deployment", "process-definition", "decision-definition", "decision-requirements-definition",
                    "case-definition" -> Forbidden.DEPLOY;
            case "user", "group", "tenant", "authorization", "identity" -> Forbidden.CHANGE_IDENTITIES;
            case "job", "job-definition", "incident", "batch", "external-task", "filter", "history", "metrics", "schema",
                    "telemetry", "execution", "process-instance" -> Forbidden.OPERATE;
            default -> Forbidden.ANYTHING_ELSE;
        };
    }
}
