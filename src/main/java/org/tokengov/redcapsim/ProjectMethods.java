package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code content=version} and {@code content=project}. The facts sheet lists no log rows for these two; the simulator
 * writes one MANAGE row whose description ends in {@code (API)}, as for REDCap's other exports.
 */
@Component
@ConditionalOnRedcapSimulator
class ProjectMethods {

    static final String REDCAP_VERSION = "15.7.6";

    ResponseEntity<String> version(RedcapServer server, TokenOwner caller, ApiRequest request) {
        server.log().append(LogEvent.manage(caller, request, "redcap_projects", "Export REDCap version (API)"));
        return ApiResponses.plainText(REDCAP_VERSION);
    }

    /** A super token is not tied to a project: such calls are logged under project 0. */
    ResponseEntity<String> versionForSuperToken(RedcapServer server, String username, ApiRequest request) {
        server.log().append(new LogEvent(0, username, request.ip(), LogEvent.API_PAGE, "MANAGE", "redcap_projects", "0",
                null, "project_id = 0", "Export REDCap version (API)"));
        return ApiResponses.plainText(REDCAP_VERSION);
    }

    ResponseEntity<String> exportInformation(RedcapServer server, TokenOwner caller, ApiRequest request) {
        Projects.Project project = server.projects().find(caller.projectId())
                .orElseThrow(() -> ApiError.badRequest("The project of this API token does not exist"));
        Map<String, Object> information = information(project);
        server.log().append(LogEvent.manage(caller, request, "redcap_projects", "Export project information (API)"));
        return ApiResponses.item(information, request.format());
    }

    /** REDCap's attributes; those the simulator's schema does not keep get REDCap's values for a plain project. */
    private static Map<String, Object> information(Projects.Project project) {
        Map<String, Object> information = new LinkedHashMap<>();
        information.put("project_id", project.id());
        information.put("project_title", project.title());
        information.put("creation_time", RedcapTimestamps.toSecond(project.creationTime()));
        information.put("production_time", RedcapTimestamps.toSecond(project.productionTime()));
        information.put("in_production", project.inProduction() ? 1 : 0);
        information.put("project_language", "English");
        information.put("purpose", 0);
        information.put("purpose_other", "");
        information.put("project_notes", "");
        information.put("custom_record_label", "");
        information.put("secondary_unique_field", "");
        information.put("is_longitudinal", 0);
        information.put("has_repeating_instruments_or_events", 0);
        information.put("surveys_enabled", 0);
        information.put("scheduling_enabled", 0);
        information.put("record_autonumbering_enabled", 0);
        information.put("randomization_enabled", 0);
        information.put("ddp_enabled", 0);
        information.put("project_irb_number", "");
        information.put("project_grant_number", "");
        information.put("project_pi_firstname", project.piFirstName() == null ? "" : project.piFirstName());
        information.put("project_pi_lastname", project.piLastName() == null ? "" : project.piLastName());
        information.put("display_today_now_button", 1);
        information.put("missing_data_codes", "");
        information.put("external_modules", "");
        information.put("bypass_branching_erase_field_prompt", 0);
        return information;
    }
}
