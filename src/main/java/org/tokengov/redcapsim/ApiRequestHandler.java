package org.tokengov.redcapsim;

import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers one API call in REDCap's order (REDCAP-FACTS.md 4): the token (and its expiration), then {@code content},
 * then the right the action needs, then whether the project was deleted or completed, then the method itself.
 * Refusals are thrown as {@link ApiError}; those REDCap logs carry their log row.
 */
@Component
@ConditionalOnRedcapSimulator
class ApiRequestHandler {

    static final String INVALID_CONTENT = "The value of the parameter \"content\" is not valid";
    /** api_11 and api_150; the sheet quotes their ends, the beginnings are the simulator's. */
    static final String PROJECT_DELETED = "The project associated with this API token no longer exists because it was"
            + " deleted.";
    static final String PROJECT_COMPLETED = "The project associated with this API token is no longer accessible because"
            + " it was marked as Completed.";

    /** Valid in REDCap, but outside what the simulator offers. */
    private static final Set<String> NOT_SIMULATED = Set.of("file", "fileRepository", "repeatingFormsEvents",
            "instrument", "event", "arm", "project_settings", "report", "pdf", "surveyLink", "surveyAccessCode",
            "surveyQueueLink", "surveyReturnCode", "participantList", "formEventMapping", "fieldValidation", "attachment",
            "generateNextRecordName", "project_xml", "dag", "userDagMapping", "externalModule", "appRightsCheck");

    private final SimulatorClock clock;
    private final ProjectMethods projectMethods;
    private final MetadataMethods metadataMethods;
    private final RecordMethods recordMethods;
    private final UserMethods userMethods;
    private final UserRoleMethods roleMethods;
    private final UserRoleMappingMethods roleMappingMethods;
    private final LogMethods logMethods;

    ApiRequestHandler(SimulatorClock clock, ProjectMethods projectMethods, MetadataMethods metadataMethods,
            RecordMethods recordMethods, UserMethods userMethods, UserRoleMethods roleMethods,
            UserRoleMappingMethods roleMappingMethods, LogMethods logMethods) {
        this.clock = clock;
        this.projectMethods = projectMethods;
        this.metadataMethods = metadataMethods;
        this.recordMethods = recordMethods;
        this.userMethods = userMethods;
        this.roleMethods = roleMethods;
        this.roleMappingMethods = roleMappingMethods;
        this.logMethods = logMethods;
    }

    ResponseEntity<String> handle(RedcapServer server, ApiRequest request) {
        if (needsSuperToken(request)) {
            return handleWithSuperToken(server, request);
        }
        TokenOwner caller = server.tokens().authenticate(request, clock.today());
        String content = request.content();
        if (content == null || !(isSimulated(content) || NOT_SIMULATED.contains(content))) {
            throw ApiError.badRequest(INVALID_CONTENT);
        }
        if (request.flag("mobile_app")) {
            caller = caller.asMobileApp();
        }
        ApiAction action = ApiAction.of(content, request);
        action.requireRight(caller, request);
        requireLiveProject(server, caller);
        return switch (content) {
            case "version" -> projectMethods.version(server, caller, request);
            case "project" -> projectMethods.exportInformation(server, caller, request);
            case "metadata" -> action == ApiAction.EXPORT ? metadataMethods.exportMetadata(server, caller, request)
                    : notSimulated("importing a data dictionary");
            case "exportFieldNames" -> metadataMethods.exportFieldNames(server, caller, request);
            case "record" -> switch (action) {
                case EXPORT -> recordMethods.export(server, caller, request);
                case IMPORT -> recordMethods.importRecords(server, caller, request);
                case DELETE -> notSimulated("deleting records");
            };
            case "log" -> logMethods.export(server, caller, request);
            case "user" -> switch (action) {
                case EXPORT -> userMethods.export(server, caller, request);
                case IMPORT -> userMethods.importUsers(server, caller, request);
                case DELETE -> userMethods.delete(server, caller, request);
            };
            case "userRole" -> switch (action) {
                case EXPORT -> roleMethods.export(server, caller, request);
                case IMPORT -> roleMethods.importRoles(server, caller, request);
                case DELETE -> roleMethods.delete(server, caller, request);
            };
            case "userRoleMapping" -> switch (action) {
                case EXPORT -> roleMappingMethods.export(server, caller, request);
                case IMPORT -> roleMappingMethods.importMappings(server, caller, request);
                case DELETE -> throw ApiError.badRequest("The value of the parameter \"action\" is not valid");
            };
            default -> notSimulated("content=" + content);
        };
    }

    private static boolean isSimulated(String content) {
        return switch (content) {
            case "version", "project", "metadata", "exportFieldNames", "record", "log", "user", "userRole",
                    "userRoleMapping" -> true;
            default -> false;
        };
    }

    /** After the rights checks, as in REDCap: a deleted project is gone (api_11), a completed one closed (api_150). */
    private static void requireLiveProject(RedcapServer server, TokenOwner caller) {
        server.projects().find(caller.projectId()).ifPresent(project -> {
            if (project.deleted()) {
                throw ApiError.badRequest(PROJECT_DELETED);
            }
            if (project.completed()) {
                throw ApiError.badRequest(PROJECT_COMPLETED);
            }
        });
    }

    /** REDCap routes these two to its super tokens: the version asked with one, and creating a project. */
    private static boolean needsSuperToken(ApiRequest request) {
        return ("version".equals(request.content()) && ApiTokens.looksLikeSuperToken(request.token()))
                || ("project".equals(request.content()) && request.parameter("data") != null);
    }

    private ResponseEntity<String> handleWithSuperToken(RedcapServer server, ApiRequest request) {
        String username = server.tokens().superTokenOwner(request.token())
                .orElseThrow(() -> ApiError.forbidden(ApiTokens.NO_PERMISSION)
                        .logged(LogEvent.failedRequest(0, null, request, "invalid token")));
        if ("version".equals(request.content())) {
            return projectMethods.versionForSuperToken(server, username, request);
        }
        return notSimulated("creating projects");
    }

    private static ResponseEntity<String> notSimulated(String what) {
        throw ApiError.badRequest("The REDCap simulator does not implement " + what);
    }
}
