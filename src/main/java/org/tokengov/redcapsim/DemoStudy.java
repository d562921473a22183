package org.tokengov.redcapsim;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo projects' study: two forms, three records and a role nobody is in yet, so that record clients (PyCap and
 * the like) and role methods have something to work on. Added only to a project with no data dictionary.
 */
final class DemoStudy {

    private static final List<Field> FIELDS = List.of(
            field("record_id", "enrollment", "text", "Record ID", null, null),
            field("enrollment_date", "enrollment", "text", "Date of enrollment", null, "date_ymd"),
            new Field("age", "enrollment", "text", "Age at enrollment", null, null, "integer", "18", "99", false, null,
                    false, null, null, null, null, null),
            field("study_arm", "enrollment", "radio", "Study arm", "1, Control \\n 2, Treatment", null),
            field("consent_given", "enrollment", "yesno", "Consent given", null, null),
            field("enrollment_complete", "enrollment", "select", "Complete?", "0, Incomplete \\n 1, Unverified \\n 2, Complete",
                    null),
            field("visit_date", "followup", "text", "Date of the follow-up visit", null, "date_ymd"),
            field("symptoms", "followup", "checkbox", "Symptoms since enrollment", "1, Fever \\n 2, Cough \\n 3, Fatigue",
                    null),
            field("followup_complete", "followup", "select", "Complete?", "0, Incomplete \\n 1, Unverified \\n 2, Complete",
                    null));

    private static final Map<String, Map<String, List<String>>> RECORDS = Map.of(
            "1", Map.of("record_id", List.of("1"), "enrollment_date", List.of("2019-10-01"), "age", List.of("34"),
                    "study_arm", List.of("1"), "consent_given", List.of("1"), "enrollment_complete", List.of("2"),
                    "visit_date", List.of("2019-11-01"), "symptoms", List.of("2"), "followup_complete", List.of("2")),
            "2", Map.of("record_id", List.of("2"), "enrollment_date", List.of("2019-10-03"), "age", List.of("51"),
                    "study_arm", List.of("2"), "consent_given", List.of("1"), "enrollment_complete", List.of("2")),
            "3", Map.of("record_id", List.of("3"), "enrollment_date", List.of("2019-10-07"), "age", List.of("45"),
                    "study_arm", List.of("1"), "consent_given", List.of("1"), "enrollment_complete", List.of("1")));

    private final JdbcTemplate jdbc;

    DemoStudy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void addIfMissing(int projectId) {
        Integer fields = jdbc.queryForObject("SELECT COUNT(*) FROM redcap_metadata WHERE project_id = ?", Integer.class,
                projectId);
        if (fields > 0) {
            return;
        }
        DataDictionary dictionary = new DataDictionary(jdbc);
        for (int order = 0; order < FIELDS.size(); order++) {
            dictionary.addField(projectId, order + 1, FIELDS.get(order));
        }
        int eventId = dictionary.eventId(projectId);
        Records records = new Records(jdbc);
        RECORDS.forEach((record, values) -> values.forEach((field, stored) ->
                records.replace(projectId, eventId, record, field, stored)));
        jdbc.update("INSERT INTO redcap_user_roles (project_id, role_name, unique_role_name, user_rights, data_logging,"
                        + " api_export, data_export_instruments) VALUES (?, 'Data Analyst', ?, 0, 0, 1, ?)",
                projectId, UserRoles.randomUniqueRoleName(), "[enrollment,2][followup,2]");
    }

    private static Field field(String name, String form, String type, String label, String choices, String validation) {
        return new Field(name, form, type, label, choices, null, validation, null, null, false, null, false, null, null,
                null, null, null);
    }
}
