package org.tokengov.redcapsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code content=record}: flat export and import of a project's records, logged as REDCap logs them (REDCAP-FACTS.md
 * 2): an export is one DATA_EXPORT row that names the format but not the fields, records or filters; an import is one
 * INSERT or UPDATE row per record with its {@code field = 'value'} lines.
 */
@Component
@ConditionalOnRedcapSimulator
class RecordMethods {

    static final String ANALYSIS_CLEANUP = "Data may not be imported because the project is in Analysis/Cleanup status.";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    ResponseEntity<String> export(RedcapServer server, TokenOwner caller, ApiRequest request) {
        requireFlat(request);
        List<Field> dictionary = server.dictionary().fields(caller.projectId());
        List<Field> selected = RecordSelection.fields(dictionary, request.list("fields"), request.list("forms"), caller);
        List<String> records = records(server, caller.projectId(), request);
        boolean labels = "label".equals(request.parameter("rawOrLabel"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String record : records) {
            rows.add(row(selected, server.records().values(caller.projectId(), record), labels));
        }
        server.log().append(LogEvent.dataExport(caller, request, exportSettings(request, labels)));
        List<String> columns = selected.stream().flatMap(field -> field.exportNames().stream()).toList();
        return ApiResponses.table(rows, columns, request.format(), "records", "item");
    }

    ResponseEntity<String> importRecords(RedcapServer server, TokenOwner caller, ApiRequest request) {
        Projects.Project project = server.projects().find(caller.projectId()).orElseThrow();
        if (project.status() == Projects.Project.ANALYSIS_CLEANUP) {
            throw ApiError.forbidden(ANALYSIS_CLEANUP);
        }
        requireFlat(request);
        if (request.format() != Format.JSON) {
            throw ApiError.badRequest("The REDCap simulator imports records only as JSON (format=json)");
        }
        List<Field> dictionary = server.dictionary().fields(caller.projectId());
        if (dictionary.isEmpty()) {
            throw ApiError.badRequest("The project has no fields to import into");
        }
        List<RecordImport.Row> rows = RecordImport.parse(request.data().orElse(null), dictionary);
        boolean overwrite = "overwrite".equals(request.parameter("overwriteBehavior"));
        List<String> imported = server.inTransaction(() -> {
            int eventId = server.dictionary().eventId(caller.projectId());
            Set<String> names = new LinkedHashSet<>();
            for (RecordImport.Row row : rows) {
                save(server, caller, request, eventId, row, overwrite);
                names.add(row.record());
            }
            return List.copyOf(names);
        });
        String returnContent = request.parameter("returnContent");
        return returnContent == null || returnContent.equals("count")
                ? ApiResponses.importCount(imported.size(), request.returnFormat())
                : ApiResponses.importIds(imported, request.returnFormat());
    }

    private static void save(RedcapServer server, TokenOwner caller, ApiRequest request, int eventId, RecordImport.Row row,
            boolean overwrite) {
        int projectId = caller.projectId();
        boolean created = !server.records().exists(projectId, row.record());
        Map<String, List<String>> stored = server.records().values(projectId, row.record());
        Map<String, List<String>> changed = new LinkedHashMap<>();
        List<String> logged = new ArrayList<>();
        row.values().forEach((field, value) -> {
            List<String> before = stored.getOrDefault(field.name(), List.of());
            List<String> after;
            if (field.isCheckbox()) {
                Set<String> checked = new LinkedHashSet<>(before);
                value.forEach((code, on) -> {
                    if ("1".equals(on)) {
                        checked.add(code);
                    } else if (overwrite || !on.isEmpty()) {
                        checked.remove(code);
                    }
                });
                after = List.copyOf(checked);
                value.forEach((code, on) -> {
                    if (before.contains(code) != after.contains(code)) {
                        logged.add(field.name() + "(" + code + ") = " + (after.contains(code) ? "checked" : "unchecked"));
                    }
                });
            } else {
                String text = value.get("");
                if (text.isEmpty() && !overwrite) {
                    return;
                }
                after = text.isEmpty() ? List.of() : List.of(text);
                if (!after.equals(before)) {
                    logged.add(field.name() + " = '" + text + "'");
                }
            }
            if (!after.equals(before)) {
                changed.put(field.name(), after);
            }
        });
        if (created) {
            changed.putIfAbsent(row.recordIdField().name(), List.of(row.record()));
        }
        changed.forEach((field, values) -> server.records().replace(projectId, eventId, row.record(), field, values));
        if (created || !logged.isEmpty()) {
            server.log().append(LogEvent.recordSaved(caller, request, created, row.record(), eventId,
                    String.join(",\n", logged)));
        }
    }

    private static List<String> records(RedcapServer server, int projectId, ApiRequest request) {
        List<String> all = server.records().names(projectId);
        List<String> wanted = request.list("records");
        // In the project's order, whatever the order asked in.
        List<String> records = new ArrayList<>(wanted.isEmpty() ? all : all.stream().filter(wanted::contains).toList());
        LocalDateTime begin = dateRange(request, "dateRangeBegin");
        LocalDateTime end = dateRange(request, "dateRangeEnd");
        if (begin != null || end != null) {
            records.retainAll(server.log().recordsChangedBetween(projectId,
                    begin == null ? null : RedcapTimestamps.toTs(begin), end == null ? null : RedcapTimestamps.toTs(end)));
        }
        return records;
    }

    /** {@code YYYY-MM-DD HH:MM:SS} in server time; REDCap keeps the records created or changed in the range. */
    private static LocalDateTime dateRange(ApiRequest request, String parameter) {
        String value = request.parameter(parameter);
        if (value == null) {
            return null;
        }
        try {
            return RedcapTimestamps.parseSecond(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("The value of the parameter \"" + parameter + "\" is not valid: expected"
                    + " YYYY-MM-DD HH:MM:SS");
        }
    }

    private static Map<String, Object> row(List<Field> fields, Map<String, List<String>> values, boolean labels) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : fields) {
            List<String> stored = values.getOrDefault(field.name(), List.of());
            if (field.isCheckbox()) {
                field.choiceLabels().keySet().forEach(code -> row.put(field.checkboxColumn(code),
                        stored.contains(code) ? (labels ? "Checked" : "1") : (labels ? "Unchecked" : "0")));
            } else if (field.holdsData()) {
                String value = stored.isEmpty() ? "" : stored.get(0);
                row.put(field.name(), labels ? field.choiceLabels().getOrDefault(value, value) : value);
            }
        }
        return row;
    }

    /**
     * The DATA_EXPORT row's data_values: the format and raw or label, and the two options when used (REDCAP-FACTS.md
     * 2). How REDCap spells the format's value is not in the sheet; the simulator writes the {@code format} as sent,
     * in capitals.
     */
    private static String exportSettings(ApiRequest request, boolean labels) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("export_format", request.format().name());
        settings.put("rawOrLabel", labels ? "label" : "raw");
        if (request.flag("exportDataAccessGroups")) {
            settings.put("export_data_access_group", "Yes");
        }
        if (request.flag("exportSurveyFields")) {
            settings.put("export_survey_fields", "Yes");
        }
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireFlat(ApiRequest request) {
        String type = request.parameter("type");
        if (type != null && !type.equals("flat")) {
            throw ApiError.badRequest("The REDCap simulator handles records only as type=flat");
        }
    }
}
