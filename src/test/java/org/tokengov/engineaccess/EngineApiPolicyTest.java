package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokengov.engineaccess.CamundaRestEndpoints.Endpoint;
import org.tokengov.engineaccess.EngineApiPolicy.Decision;
import org.tokengov.engineaccess.EngineApiPolicy.Verdict;

class EngineApiPolicyTest {

    /** The POST queries and writing calls people other than administrators may make, and how each is checked. */
    private static final Map<String, Decision> ALLOWED_WRITES = Map.ofEntries(
            Map.entry("POST /task", Decision.ALLOW),
            Map.entry("POST /task/count", Decision.ALLOW),
            Map.entry("POST /filter/{id}/list", Decision.ALLOW),
            Map.entry("POST /filter/{id}/count", Decision.ALLOW),
            Map.entry("POST /filter/{id}/singleResult", Decision.ALLOW),
            Map.entry("POST /process-instance", Decision.ALLOW),
            Map.entry("POST /process-instance/count", Decision.ALLOW),
            Map.entry("POST /history/process-instance", Decision.ALLOW),
            Map.entry("POST /history/process-instance/count", Decision.ALLOW),
            Map.entry("POST /history/activity-instance", Decision.ALLOW),
            Map.entry("POST /history/activity-instance/count", Decision.ALLOW),
            Map.entry("POST /history/task", Decision.ALLOW),
            Map.entry("POST /history/task/count", Decision.ALLOW),
            Map.entry("POST /history/variable-instance", Decision.ALLOW),
            Map.entry("POST /history/variable-instance/count", Decision.ALLOW),
            Map.entry("POST /history/detail", Decision.ALLOW),
            Map.entry("POST /history/job-log", Decision.ALLOW),
            Map.entry("POST /history/job-log/count", Decision.ALLOW),
            Map.entry("POST /history/external-task-log", Decision.ALLOW),
            Map.entry("POST /history/external-task-log/count", Decision.ALLOW),
            Map.entry("POST /history/case-instance", Decision.ALLOW),
            Map.entry("POST /history/case-instance/count", Decision.ALLOW),
            Map.entry("POST /execution", Decision.ALLOW),
            Map.entry("POST /execution/count", Decision.ALLOW),
            Map.entry("POST /variable-instance", Decision.ALLOW),
            Map.entry("POST /variable-instance/count", Decision.ALLOW),
            Map.entry("POST /job", Decision.ALLOW),
            Map.entry("POST /job/count", Decision.ALLOW),
            Map.entry("POST /job-definition", Decision.ALLOW),
            Map.entry("POST /job-definition/count", Decision.ALLOW),
            Map.entry("POST /external-task", Decision.ALLOW),
            Map.entry("POST /external-task/count", Decision.ALLOW),
            Map.entry("POST /group", Decision.ALLOW),
            Map.entry("POST /group/count", Decision.ALLOW),
            Map.entry("POST /case-instance", Decision.ALLOW),
            Map.entry("POST /case-instance/count", Decision.ALLOW),
            Map.entry("POST /case-execution", Decision.ALLOW),
            Map.entry("POST /case-execution/count", Decision.ALLOW),
            Map.entry("POST /task/{id}/unclaim", Decision.ALLOW),
            Map.entry("POST /task/{id}/comment/create", Decision.ALLOW),
            Map.entry("POST /task/{id}/claim", Decision.CLAIM),
            Map.entry("POST /task/{id}/submit-form", Decision.SUBMIT_TASK_FORM),
            Map.entry("POST /task/{id}/complete", Decision.SUBMIT_TASK_FORM),
            Map.entry("POST /process-definition/{id}/start", Decision.START_BY_ID),
            Map.entry("POST /process-definition/{id}/submit-form", Decision.START_BY_ID),
            Map.entry("POST /process-definition/key/{key}/start", Decision.START_BY_KEY),
            Map.entry("POST /process-definition/key/{key}/submit-form", Decision.START_BY_KEY));

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    @Test
    void everyEndpointOfCamundasRestApiIsEitherReadingAllowListedOrRefused() {
        List<Endpoint> endpoints = CamundaRestEndpoints.all();
        assertThat(endpoints).as("Camunda 7.24's REST API, read from its annotations").hasSizeGreaterThan(900);

        Map<Endpoint, Decision> decided = endpoints.stream().collect(Collectors.toMap(endpoint -> endpoint,
                endpoint -> EngineApiPolicy.decide(endpoint.method(), EngineApiPath.parse(endpoint.examplePath())).decision()));

        decided.forEach((endpoint, decision) -> {
            Decision expected = READING.contains(endpoint.method()) ? Decision.ALLOW
                    : ALLOWED_WRITES.getOrDefault(endpoint.method() + " " + endpoint.unnamed(), Decision.REFUSE);
            assertThat(decision).as(endpoint.method() + " " + endpoint.template()).isEqualTo(expected);
        });
        assertThat(decided.keySet().stream().map(endpoint -> endpoint.method() + " " + endpoint.unnamed()))
                .as("every allow-listed write is a real endpoint").containsAll(ALLOWED_WRITES.keySet());
        assertThat(decided.values().stream().filter(Decision.REFUSE::equals).count())
                .as("refused endpoints (named and unnamed forms)").isGreaterThan(300);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "GET     | task/42                                           | ALLOW",
            "GET     | task/42/variables                                 | ALLOW",
            "HEAD    | task                                              | ALLOW",
            "OPTIONS | filter                                            | ALLOW",
            "POST    | process-definition/key/TokenRequestProcess/start  | START_BY_KEY",
            "POST    | process-definition/TokenRequestProcess:1:x/submit-form | START_BY_ID",
            "POST    | process-definition/key/start                      | REFUSE",
            "POST    | process-definition/key/TokenRequestProcess/tenant-id/t1/start | REFUSE",
            "PUT     | task/42/variables/adminDecision                   | REFUSE",
            "POST    | task/42/localVariables                            | REFUSE",
            "DELETE  | process-instance/1/variables/requester            | REFUSE",
            "POST    | process-instance/1/modification                   | REFUSE",
            "POST    | task/42/bpmnError                                 | REFUSE",
            "POST    | task/42/delegate                                  | REFUSE",
            "POST    | message                                           | REFUSE",
            "POST    | deployment/create                                 | REFUSE",
            "PUT     | user/alice/profile                                | REFUSE",
            "PATCH   | task/42                                           | REFUSE",
            "TRACE   | task                                              | REFUSE",
            "post    | task                                              | REFUSE",
            "POST    | some-endpoint-of-a-later-camunda                  | REFUSE"})
    void decides(String method, String path, Decision expected) {
        assertThat(EngineApiPolicy.decide(method, EngineApiPath.parse("/" + path)).decision()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "PUT    | task/42/variables/x                  | WRITE_DATA",
            "POST   | task/42/variables                    | WRITE_DATA",
            "POST   | execution/7/localVariables           | WRITE_DATA",
            "POST   | process-instance/variables-async     | WRITE_DATA",
            "POST   | task/42/bpmnEscalation               | END_WITH_ERROR",
            "POST   | task/42/resolve                      | DELEGATE",
            "POST   | task/42/assignee                     | REASSIGN",
            "POST   | task/42/identity-links/delete        | REASSIGN",
            "POST   | signal                               | SEND_MESSAGES",
            "POST   | execution/7/messageSubscriptions/m/trigger | SEND_MESSAGES",
            "POST   | condition                            | START_ELSEWHERE",
            "POST   | process-definition/1/restart         | MOVE_PROCESSES",
            "POST   | migration/execute                    | MOVE_PROCESSES",
            "DELETE | process-instance/1                   | MOVE_PROCESSES",
            "PUT    | task/42                              | CHANGE_TASKS",
            "POST   | task/create                          | CHANGE_TASKS",
            "PUT    | process-definition/1/suspended       | MOVE_PROCESSES",
            "DELETE | deployment/1                         | DEPLOY",
            "PUT    | user/alice/credentials               | CHANGE_IDENTITIES",
            "POST   | authorization/create                 | CHANGE_IDENTITIES",
            "PUT    | job/1/retries                        | OPERATE",
            "POST   | filter/create                        | OPERATE",
            "POST   | telemetry/configuration              | OPERATE"})
    void refusalsSayWhatFamilyOfThingsIsForbidden(String method, String path, Forbidden expected) {
        Verdict verdict = EngineApiPolicy.decide(method, EngineApiPath.parse("/" + path));
        assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
        assertThat(verdict.forbidden()).isEqualTo(expected);
    }

    @Test
    void checkedCallsNameTheirTarget() {
        assertThat(EngineApiPolicy.decide("POST", EngineApiPath.parse("/engine/default/task/42/claim")))
                .isEqualTo(Verdict.check(Decision.CLAIM, "42"));
        assertThat(EngineApiPolicy.decide("POST", EngineApiPath.parse("/process-definition/key/TokenRequestProcess/submit-form")))
                .isEqualTo(Verdict.check(Decision.START_BY_KEY, "TokenRequestProcess"));
    }
}
