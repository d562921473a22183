package org.tokengov.redcapsim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code content=metadata} (the data dictionary, logged as REDCap logs it, REDCAP-FACTS.md 2) and
 * {@code content=exportFieldNames} (the columns a record export has), what record clients ask before records.
 */
@Component
@ConditionalOnRedcapSimulator
class MetadataMethods {

    static final List<String> METADATA_COLUMNS = List.of("field_name", "form_name", "section_header", "field_type",
            "field_label", "select_choices_or_calculations", "field_note", "text_validation_type_or_show_slider_number",
            "text_validation_min", "text_validation_max", "identifier", "branching_logic", "required_field",
            "custom_alignment", "question_number", "matrix_group_name", "matrix_ranking", "field_annotation");
    static final List<String> FIELD_NAME_COLUMNS = List.of("original_field_name", "choice_value", "export_field_name");

    ResponseEntity<String> exportMetadata(RedcapServer server, TokenOwner caller, ApiRequest request) {
        List<String> fields = request.list("fields");
        List<String> forms = request.list("forms");
        List<Map<String, Object>> rows = server.dictionary().fields(caller.projectId()).stream()
                .filter(field -> !field.isFormStatus())
                .filter(field -> (fields.isEmpty() && forms.isEmpty()) || fields.contains(field.name())
                        || forms.contains(field.formName()))
                .map(MetadataMethods::metadataRow)
                .toList();
        server.log().append(LogEvent.manage(caller, request, "redcap_metadata", "Download data dictionary (API)"));
        return ApiResponses.table(rows, METADATA_COLUMNS, request.format(), "records", "item");
    }

    /**
     * Not among the rows the facts sheet lists; the simulator logs it like its other exports, one MANAGE row whose
     * description ends in {@code (API)}.
     */
    ResponseEntity<String> exportFieldNames(RedcapServer server, TokenOwner caller, ApiRequest request) {
        String only = request.parameter("field");
        List<Field> dictionary = server.dictionary().fields(caller.projectId());
        if (only != null && dictionary.stream().noneMatch(field -> field.name().equals(only))) {
            throw ApiError.badRequest("The value of the parameter \"field\" is not a field of this project: " + only);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Field field : dictionary) {
            if (!field.holdsData() || (only != null && !field.name().equals(only))) {
                continue;
            }
            if (field.isCheckbox()) {
                field.choiceLabels().keySet().forEach(code -> rows.add(fieldName(field.name(), code,
                        field.checkboxColumn(code))));
            } else {
                rows.add(fieldName(field.name(), "", field.name()));
            }
        }
        server.log().append(LogEvent.manage(caller, request, "redcap_metadata", "Export field names (API)"));
        return ApiResponses.table(rows, FIELD_NAME_COLUMNS, request.format(), "fields", "field");
    }

    private static Map<String, Object> metadataRow(Field field) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("field_name", field.name());
        row.put("form_name", field.formName());
        row.put("section_header", text(field.sectionHeader()));
        row.put("field_type", field.exportedType());
        row.put("field_label", text(field.label()));
        row.put("select_choices_or_calculations", field.exportedChoices());
        row.put("field_note", text(field.note()));
        row.put("text_validation_type_or_show_slider_number", text(field.validation()));
        row.put("text_validation_min", text(field.validationMin()));
        row.put("text_validation_max", text(field.validationMax()));
        row.put("identifier", field.identifier() ? "y" : "");
        row.put("branching_logic", text(field.branchingLogic()));
        row.put("required_field", field.required() ? "y" : "");
        row.put("custom_alignment", text(field.customAlignment()));
        row.put("question_number", text(field.questionNumber()));
        row.put("matrix_group_name", text(field.matrixGroup()));
        row.put("matrix_ranking", "");
        row.put("field_annotation", text(field.annotation()));
        return row;
    }

    private static Map<String, Object> fieldName(String original, String choice, String exported) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("original_field_name", original);
        row.put("choice_value", choice);
        row.put("export_field_name", exported);
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
