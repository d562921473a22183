package org.tokengov.redcapsim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code redcap_data}: a project's values, one row per record, event, field and value, as REDCap keeps them; a
 * checkbox field has a row per checked choice, whose value is the choice's code.
 */
final class Records {

    /** REDCap lists records in their natural order: numbers as numbers, before names. */
    static final Comparator<String> NATURAL_ORDER = Comparator
            .comparing((String record) -> !record.matches("\\d{1,18}"))
            .thenComparing(record -> record.matches("\\d{1,18}") ? Long.parseLong(record) : 0L)
            .thenComparing(Comparator.naturalOrder());

    private final JdbcTemplate jdbc;

    Records(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> names(int projectId) {
        List<String> names = new ArrayList<>(jdbc.queryForList(
                "SELECT DISTINCT record FROM redcap_data WHERE project_id = ?", String.class, projectId));
        names.sort(NATURAL_ORDER);
        return names;
    }

    boolean exists(int projectId, String record) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM redcap_data WHERE project_id = ? AND record = ?", Integer.class,
                projectId, record) > 0;
    }

    /** Field name to its stored values (several for a checkbox). */
    Map<String, List<String>> values(int projectId, String record) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        jdbc.query("SELECT field_name, value FROM redcap_data WHERE project_id = ? AND record = ? ORDER BY field_name",
                row -> {
                    values.computeIfAbsent(row.getString("field_name"), field -> new ArrayList<>())
                            .add(row.getString("value"));
                }, projectId, record);
        return values;
    }

    /** Replaces the field's values; none removes the field from the record. */
    void replace(int projectId, int eventId, String record, String field, List<String> values) {
        jdbc.update("DELETE FROM redcap_data WHERE project_id = ? AND record = ? AND field_name = ?", projectId, record,
                field);
        for (String value : values) {
            jdbc.update("INSERT INTO redcap_data (project_id, event_id, record, field_name, value) VALUES (?, ?, ?, ?, ?)",
                    projectId, eventId, record, field, value);
        }
    }
}
