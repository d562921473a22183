package org.tokengov.redcapsim;

import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers one API call in REDCap's order: the token, then {@code content}, then the right the action
 * needs, then the method itself. Refusals are thrown as {@link ApiError} and write no log event.
 */
@Component
@ConditionalOnRedcapSimulator
class ApiRequestHandler {

    static final String INVALID_CONTENT = "The value of the parameter \"content\" is not valid";

    /** Valid in REDCap, but outside what this product needs. */
    private static final Set<String> NOT_SIMULATED = Set.of("record", "metadata", "file", "fileRepository",
            "repeatingFormsEvents", "instrument", "event", "arm", "project_settings", "report", "pdf", "surveyLink",
            "surveyAccessCode", "surveyQueueLink", "surveyReturnCode", "participantList", "exportFieldNames",
            "formEventMapping", "fieldValidation", "attachment", "generateNextRecordName", "project_xml", "dag",
            "userDagMapping", "userRole", "userRoleMapping");

    private final SimulatorClock clock;
    private final ProjectMethods projectMethods;
    private final UserMethods userMethods;
    private final LogMethods logMethods;

    ApiRequestHandler(SimulatorClock clock, ProjectMethods projectMethods, UserMethods userMethods, LogMethods logMethods) {
        this.clock = clock;
        this.projectMethods = projectMethods;
        this.userMethods = userMethods;
        this.logMethods = logMethods;
    }

    ResponseEntity<String> handle(RedcapServer server, ApiRequest request) {
        if (needsSuperToken(request)) {
            return handleWithSuperToken(server, request);
        }
        TokenOwner caller = server.tokens().authenticate(request.token(), clock.today());
        String content = request.content();
        if (content == null || !(isSimulated(content) || NOT_SIMULATED.contains(content))) {
            throw ApiError.badRequest(INVALID_CONTENT);
        }
        ApiAction action = ApiAction.of(content, request);
        action.requireRight(caller);
        return switch (content) {
            case "version" -> projectMethods.version(server, caller);
            case "project" -> projectMethods.exportInformation(server, caller, request);
            case "log" -> logMethods.export(server, caller, request);
            case "user" -> switch (action) {
                case EXPORT -> userMethods.export(server, caller, request);
                case IMPORT -> userMethods.importUsers(server, caller, request);
                case DELETE -> userMethods.delete(server, caller, request);
            };
            default -> throw ApiError.badRequest("The REDCap simulator does not implement content=" + content);
        };
    }

    private static boolean isSimulated(String content) {
        return switch (content) {
            case "version", "project", "user", "log" -> true;
            default -> false;
        };
    }

    /** REDCap routes these two to its super tokens: the version asked with one, and creating a project. */
    private static boolean needsSuperToken(ApiRequest request) {
        return ("version".equals(request.content()) && ApiTokens.looksLikeSuperToken(request.token()))
                || ("project".equals(request.content()) && request.parameter("data") != null);
    }

    private ResponseEntity<String> handleWithSuperToken(RedcapServer server, ApiRequest request) {
        String username = server.tokens().superTokenOwner(request.token())
                .orElseThrow(() -> ApiError.forbidden(ApiTokens.NO_PERMISSION));
        if ("version".equals(request.content())) {
            return projectMethods.versionForSuperToken(server, username);
        }
        throw ApiError.badRequest("The REDCap simulator does not create projects");
    }
}
