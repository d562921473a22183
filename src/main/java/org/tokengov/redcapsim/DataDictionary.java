package org.tokengov.redcapsim;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_metadata} and the project's one event ({@code redcap_events_arms}, {@code redcap_events_metadata}). */
final class DataDictionary {

    private final JdbcTemplate jdbc;

    DataDictionary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields in form and field order; the first is the record ID field. */
    List<Field> fields(int projectId) {
        return jdbc.query("""
                        SELECT field_name, form_name, element_type, element_label, element_enum, element_note,
                               element_validation_type, element_validation_min, element_validation_max, field_phi,
                               branching_logic, field_req, element_preceding_header, custom_alignment, question_num,
                               grid_name, misc
                        FROM redcap_metadata WHERE project_id = ? ORDER BY field_order, field_name""",
                (row, number) -> new Field(
                        row.getString("field_name"),
                        row.getString("form_name"),
                        row.getString("element_type"),
                        row.getString("element_label"),
                        row.getString("element_enum"),
                        row.getString("element_note"),
                        row.getString("element_validation_type"),
                        row.getString("element_validation_min"),
                        row.getString("element_validation_max"),
                        "1".equals(row.getString("field_phi")),
                        row.getString("branching_logic"),
                        row.getInt("field_req") == 1,
                        row.getString("element_preceding_header"),
                        row.getString("custom_alignment"),
                        row.getString("question_num"),
                        row.getString("grid_name"),
                        row.getString("misc")),
                projectId);
    }

    void addField(int projectId, int order, Field field) {
        jdbc.update("""
                        INSERT INTO redcap_metadata (project_id, field_name, form_name, field_order, element_type,
                            element_label, element_enum, element_note, element_validation_type, element_validation_min,
                            element_validation_max, field_phi, field_req)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                projectId, field.name(), field.formName(), order, field.type(), field.label(), field.choices(),
                field.note(), field.validation(), field.validationMin(), field.validationMax(),
                field.identifier() ? "1" : null, field.required() ? 1 : 0);
    }

    /** The project's event: a classic project has one arm with one event; made here if the project has none yet. */
    int eventId(int projectId) {
        List<Integer> events = eventIds(projectId);
        if (!events.isEmpty()) {
            return events.get(0);
        }
        jdbc.update("INSERT INTO redcap_events_arms (project_id, arm_num, arm_name) VALUES (?, 1, 'Arm 1')", projectId);
        Integer arm = jdbc.queryForObject("SELECT MIN(arm_id) FROM redcap_events_arms WHERE project_id = ?",
                Integer.class, projectId);
        jdbc.update("INSERT INTO redcap_events_metadata (arm_id, day_offset, descrip) VALUES (?, 0, 'Event 1')", arm);
        return eventIds(projectId).get(0);
    }

    private List<Integer> eventIds(int projectId) {
        return jdbc.queryForList("SELECT e.event_id FROM redcap_events_metadata e JOIN redcap_events_arms a"
                + " ON a.arm_id = e.arm_id WHERE a.project_id = ? ORDER BY a.arm_num, e.event_id", Integer.class, projectId);
    }
}
