package org.tokengov.redcapsim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rights columns that {@code redcap_user_rights} and {@code redcap_user_roles} share (REDCAP-FACTS.md 1). A user
 * in a role has the role's rights wherever rights are checked or exported; their own row's rights then do nothing.
 *
 * @param dataExportTool REDCap's old project-wide export right; NULL since per-instrument export rights
 * @param dataExportInstruments per-form export rights, {@code [form,right]…}
 * @param dataEntry per-form viewing rights, {@code [form,right]…}
 */
record Rights(
        int design,
        int userRights,
        int dataLogging,
        Integer dataExportTool,
        String dataExportInstruments,
        String dataEntry,
        int recordDelete,
        int apiExport,
        int apiImport,
        int apiModules,
        int mobileApp,
        int mobileAppDownloadData) {

    static final List<String> COLUMNS = List.of("design", "user_rights", "data_logging", "data_export_tool",
            "data_export_instruments", "data_entry", "record_delete", "api_export", "api_import", "api_modules",
            "mobile_app", "mobile_app_download_data");

    private static final Pattern FORM_RIGHT = Pattern.compile("\\[([^,\\]]+),(\\d+)]");

    static final Rights NONE = new Rights(0, 0, 0, null, null, null, 0, 0, 0, 0, 0, 0);

    /** {@code alias.column AS prefixcolumn, …} for a SELECT that reads rights of two tables at once. */
    static String select(String alias, String prefix) {
        return COLUMNS.stream().map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    static Rights read(ResultSet row, String prefix) throws SQLException {
        return new Rights(
                row.getInt(prefix + "design"),
                row.getInt(prefix + "user_rights"),
                row.getInt(prefix + "data_logging"),
                nullableInt(row, prefix + "data_export_tool"),
                row.getString(prefix + "data_export_instruments"),
                row.getString(prefix + "data_entry"),
                row.getInt(prefix + "record_delete"),
                row.getInt(prefix + "api_export"),
                row.getInt(prefix + "api_import"),
                row.getInt(prefix + "api_modules"),
                row.getInt(prefix + "mobile_app"),
                row.getInt(prefix + "mobile_app_download_data"));
    }

    /** The user row's rights, or the role's when the row names a role the project has. */
    static Rights effective(ResultSet row, String userPrefix, String rolePrefix, String roleIdColumn) throws SQLException {
        return nullableInt(row, roleIdColumn) == null ? read(row, userPrefix) : read(row, rolePrefix);
    }

    /** The values in {@link #COLUMNS} order, for INSERTs and UPDATEs. */
    List<Object> values() {
        return java.util.Arrays.asList(design, userRights, dataLogging, dataExportTool, dataExportInstruments, dataEntry,
                recordDelete, apiExport, apiImport, apiModules, mobileApp, mobileAppDownloadData);
    }

    /** The {@code forms} of REDCap's user and role export: each form's viewing right. */
    Map<String, Integer> forms() {
        return formRights(dataEntry);
    }

    /** The {@code forms_export} of REDCap's user and role export: each form's export right (0 = No Access). */
    Map<String, Integer> formsExport() {
        return formRights(dataExportInstruments);
    }

    /**
     * Export rights other than "No Access" (REDCAP-FACTS.md 4, log export): the old project-wide right when set, else
     * any form with an export right. Rows that name no forms at all (written straight into the table, as test data
     * is) count as unrestricted: the simulator chooses so, REDCap's own rows always name them.
     */
    boolean mayExportData() {
        if (dataExportTool != null) {
            return dataExportTool != 0;
        }
        Map<String, Integer> forms = formsExport();
        return forms.isEmpty() || forms.values().stream().anyMatch(right -> right != 0);
    }

    /** What {@code mobile_app=1} in an API request gives a mobile-app user (REDCAP-FACTS.md 4). */
    Rights withMobileAppPrivileges() {
        return new Rights(design, Math.max(userRights, 1), dataLogging, dataExportTool, dataExportInstruments, dataEntry,
                recordDelete, 1, 1, apiModules, mobileApp, mobileAppDownloadData);
    }

    static Map<String, Integer> formRights(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return Map.of();
        }
        Map<String, Integer> rights = new LinkedHashMap<>();
        Matcher pair = FORM_RIGHT.matcher(encoded);
        while (pair.find()) {
            rights.put(pair.group(1).trim(), Integer.parseInt(pair.group(2)));
        }
        return Collections.unmodifiableMap(rights);
    }

    static String encodeFormRights(Map<String, Integer> rights) {
        return rights.entrySet().stream().map(entry -> "[" + entry.getKey() + "," + entry.getValue() + "]")
                .collect(Collectors.joining());
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
