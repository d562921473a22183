package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code content=record} and what record clients ask around it ({@code metadata}, {@code exportFieldNames}), on the
 * demo study of project 101, with the log rows REDCap writes for them (shared/redcap/REDCAP-FACTS.md, section 2).
 */
class RedcapRecordApiIT extends SimulatorOnMariaDb {

    private static final String PROD_LOG = "redcap_log_event5";

    @Test
    void exportsRecordsFlatWithRecordAndFieldFilters() {
        JsonNode all = json(api("prod", PROD_STEWARD, "content", "record", "format", "json"), 200);
        JsonNode some = json(api("prod", PROD_STEWARD, "content", "record", "format", "json", "records[0]", "2",
                "records[1]", "1", "fields[0]", "age", "fields[1]", "symptoms"), 200);

        assertThat(all.findValuesAsText("record_id")).startsWith("1", "2", "3");
        assertThat(all.get(0).fieldNames()).toIterable().containsExactly("record_id", "enrollment_date", "age",
                "study_arm", "consent_given", "enrollment_complete", "visit_date", "symptoms___1", "symptoms___2",
                "symptoms___3", "followup_complete");
        assertThat(all.get(0).get("symptoms___2").asText()).isEqualTo("1");
        assertThat(some.findValuesAsText("record_id")).as("the record ID always comes along").containsExactly("1", "2");
        assertThat(some.get(0).fieldNames()).toIterable().containsExactly("record_id", "age", "symptoms___1",
                "symptoms___2", "symptoms___3");
    }

    @Test
    void exportsLabelsAndCsv() {
        JsonNode labels = json(api("prod", PROD_STEWARD, "content", "record", "format", "json", "records", "1",
                "rawOrLabel", "label"), 200);
        HttpResponse<String> csv = api("prod", PROD_STEWARD, "content", "record", "format", "csv", "fields", "record_id,age");

        assertThat(labels.get(0).get("study_arm").asText()).isEqualTo("Control");
        assertThat(labels.get(0).get("consent_given").asText()).isEqualTo("Yes");
        assertThat(labels.get(0).get("symptoms___2").asText()).isEqualTo("Checked");
        assertThat(labels.get(0).get("enrollment_complete").asText()).isEqualTo("Complete");
        assertThat(csv.body()).startsWith("record_id,age\n1,34\n2,51\n3,45\n");
    }

    @Test
    void fact2_aRecordExportIsOneDataExportRowThatNamesNeitherFieldsNorRecords() {
        String user = newProjectUser(prod(), 101, "exporter", Map.of("api_export", 1));
        String token = giveToken(prod(), 101, user, 1, 0);

        api("prod", token, "content", "record", "format", "csv", "records[0]", "3", "fields[0]", "age",
                "exportSurveyFields", "true");

        Map<String, Object> row = newestRow(prod(), PROD_LOG, "user = ?", user);
        assertThat(row).containsEntry("event", "DATA_EXPORT").containsEntry("object_type", "redcap_data")
                .containsEntry("pk", null).containsEntry("description", "Export data (API)")
                .containsEntry("page", "api/index.php");
        assertThat((String) row.get("data_values"))
                .isEqualTo("{\"export_format\":\"CSV\",\"rawOrLabel\":\"raw\",\"export_survey_fields\":\"Yes\"}")
                .doesNotContain("age");
        assertThat(count(prod(), "SELECT COUNT(*) FROM redcap_log_event5 WHERE user = ?", user)).isEqualTo(1);
    }

    @Test
    void formsWithoutExportRightsAreLeftOut() {
        String user = newProjectUser(prod(), 101, "partial", Map.of("api_export", 1,
                "data_export_instruments", "[enrollment,1][followup,0]"));

        JsonNode records = json(api("prod", giveToken(prod(), 101, user, 1, 0), "content", "record", "format", "json"), 200);

        assertThat(records.get(0).fieldNames()).toIterable().contains("age").doesNotContain("visit_date", "symptoms___1");
    }

    @Test
    void fact2_importsCreateAndUpdateRecordsWithOneRowPerRecord() {
        String user = newProjectUser(qa(), 201, "importer", Map.of("api_export", 1, "api_import", 1));
        String token = giveToken(qa(), 201, user, 1, 1);
        String record = "T" + randomToken().substring(0, 6);

        HttpResponse<String> created = api("qa", token, "content", "record", "format", "json", "returnFormat", "json",
                "data", "[{\"record_id\":\"" + record + "\",\"age\":\"40\",\"study_arm\":\"2\",\"symptoms___3\":\"1\"}]");

        assertThat(json(created, 200).get("count").asInt()).isEqualTo(1);
        Map<String, Object> insert = newestRow(qa(), "redcap_log_event", "user = ?", user);
        assertThat(insert).containsEntry("event", "INSERT").containsEntry("object_type", "redcap_data")
                .containsEntry("pk", record).containsEntry("description", "Create record (API)");
        assertThat(insert.get("event_id")).isNotNull();
        assertThat((String) insert.get("data_values")).isEqualTo("record_id = '" + record + "',\nage = '40',\n"
                + "study_arm = '2',\nsymptoms(3) = checked");

        HttpResponse<String> updated = api("qa", token, "content", "record", "format", "json", "returnContent", "ids",
                "returnFormat", "json", "data", "[{\"record_id\":\"" + record + "\",\"age\":\"41\",\"study_arm\":\"\"}]");

        assertThat(json(updated, 200).get(0).asText()).isEqualTo(record);
        assertThat(newestRow(qa(), "redcap_log_event", "user = ?", user)).containsEntry("event", "UPDATE")
                .containsEntry("description", "Update record (API)").containsEntry("data_values", "age = '41'");
        JsonNode stored = json(api("qa", token, "content", "record", "format", "json", "records[0]", record), 200).get(0);
        assertThat(stored.get("age").asText()).isEqualTo("41");
        assertThat(stored.get("study_arm").asText()).as("a blank leaves the value without overwriteBehavior").isEqualTo("2");
        JsonNode log = json(api("qa", QA_STEWARD, "content", "log", "format", "json", "record", record), 200);
        assertThat(log.findValuesAsText("action")).containsExactly("Update record (API) " + record,
                "Create record (API) " + record);
    }

    @Test
    void badImportsAreRefusedWholeAndChangeNothing() {
        String user = newProjectUser(qa(), 201, "careless", Map.of("api_import", 1));
        String token = giveToken(qa(), 201, user, 0, 1);
        long values = count(qa(), "SELECT COUNT(*) FROM redcap_data");

        HttpResponse<String> refused = api("qa", token, "content", "record", "format", "json", "data",
                "[{\"record_id\":\"N1\",\"age\":\"12\"},{\"record_id\":\"N2\",\"color\":\"red\",\"study_arm\":\"9\"}]");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused, 400).get("error").asText())
                .startsWith("The following fields were not found in the project as real data fields: color")
                .contains("\"N1\",\"age\",\"12\"", "\"N2\",\"study_arm\",\"9\"");
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_data")).isEqualTo(values);
        assertError(api("qa", token, "content", "record", "format", "json", "data", "{\"record_id\":\"1\"}"), 400,
                RecordImport.NOT_FORMATTED);
        assertThat(count(qa(), "SELECT COUNT(*) FROM redcap_log_event WHERE user = ?", user)).isZero();
    }

    @Test
    void dateRangesKeepTheRecordsCreatedOrChangedWithinThem() {
        String user = newProjectUser(qa(), 201, "ranger", Map.of("api_export", 1, "api_import", 1));
        String token = giveToken(qa(), 201, user, 1, 1);
        String early = "E" + randomToken().substring(0, 6);
        String late = "L" + randomToken().substring(0, 6);
        at(LocalDateTime.of(2036, 1, 1, 8, 0, 0));
        api("qa", token, "content", "record", "format", "json", "data", "[{\"record_id\":\"" + early + "\"}]");
        at(LocalDateTime.of(2036, 1, 2, 8, 0, 0));
        api("qa", token, "content", "record", "format", "json", "data", "[{\"record_id\":\"" + late + "\"}]");

        JsonNode inRange = json(api("qa", token, "content", "record", "format", "json", "fields", "record_id",
                "dateRangeBegin", "2036-01-02 00:00:00", "dateRangeEnd", "2036-01-03 00:00:00"), 200);

        assertThat(inRange.findValuesAsText("record_id")).containsExactly(late);
        assertError(api("qa", token, "content", "record", "format", "json", "dateRangeBegin", "2036-01-02"), 400,
                "The value of the parameter \"dateRangeBegin\" is not valid: expected YYYY-MM-DD HH:MM:SS");
    }

    @Test
    void fact2_theDataDictionaryIsExportedAndLoggedAsADownload() {
        String user = newProjectUser(prod(), 101, "dictionary", Map.of("api_export", 1));
        String token = giveToken(prod(), 101, user, 1, 0);

        JsonNode metadata = json(api("prod", token, "content", "metadata", "format", "json"), 200);

        assertThat(metadata.findValuesAsText("field_name")).as("form status fields are left out").containsExactly(
                "record_id", "enrollment_date", "age", "study_arm", "consent_given", "visit_date", "symptoms");
        JsonNode arm = metadata.get(3);
        assertThat(arm.get("field_type").asText()).isEqualTo("radio");
        assertThat(arm.get("select_choices_or_calculations").asText()).isEqualTo("1, Control | 2, Treatment");
        assertThat(metadata.get(2).get("text_validation_type_or_show_slider_number").asText()).isEqualTo("integer");
        assertThat(metadata.get(0).fieldNames()).toIterable().containsExactlyElementsOf(MetadataMethods.METADATA_COLUMNS);
        assertThat(newestRow(prod(), PROD_LOG, "user = ?", user)).containsEntry("event", "MANAGE")
                .containsEntry("object_type", "redcap_metadata").containsEntry("description", "Download data dictionary (API)");
        assertThat(json(api("prod", token, "content", "metadata", "format", "json", "forms[0]", "followup"), 200)
                .findValuesAsText("field_name")).containsExactly("visit_date", "symptoms");
    }

    @Test
    void exportFieldNamesListsTheColumnsOfARecordExport() {
        JsonNode names = json(api("prod", PROD_STEWARD, "content", "exportFieldNames", "format", "json"), 200);
        JsonNode symptoms = json(api("prod", PROD_STEWARD, "content", "exportFieldNames", "format", "json",
                "field", "symptoms"), 200);

        assertThat(names.findValuesAsText("export_field_name")).contains("record_id", "symptoms___1", "followup_complete");
        assertThat(symptoms.findValuesAsText("choice_value")).isEqualTo(List.of("1", "2", "3"));
        assertThat(symptoms.findValuesAsText("original_field_name")).containsOnly("symptoms");
        assertError(api("prod", PROD_STEWARD, "content", "exportFieldNames", "format", "json", "field", "nope"), 400,
                "The value of the parameter \"field\" is not a field of this project: nope");
    }
}
