package org.tokengov.redcapsim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which fields a record export returns: those asked for (by field or form), the record ID always, as the caller may. */
final class RecordSelection {

    private RecordSelection() {
    }

    static List<Field> fields(List<Field> dictionary, List<String> fieldNames, List<String> formNames, TokenOwner caller) {
        List<Field> withData = dictionary.stream().filter(Field::holdsData).toList();
        if (withData.isEmpty()) {
            return List.of();
        }
        Set<String> knownFields = new LinkedHashSet<>(withData.stream().map(Field::name).toList());
        Set<String> knownForms = new LinkedHashSet<>(withData.stream().map(Field::formName).toList());
        List<String> badFields = fieldNames.stream().filter(name -> !knownFields.contains(name)).toList();
        if (!badFields.isEmpty()) {
            throw ApiError.badRequest("The following values in the parameter \"fields\" are not valid: "
                    + String.join(", ", badFields));
        }
        List<String> badForms = formNames.stream().filter(name -> !knownForms.contains(name)).toList();
        if (!badForms.isEmpty()) {
            throw ApiError.badRequest("The following values in the parameter \"forms\" are not valid: "
                    + String.join(", ", badForms));
        }
        Field recordId = withData.get(0);
        boolean everything = fieldNames.isEmpty() && formNames.isEmpty();
        List<Field> selected = new ArrayList<>();
        for (Field field : withData) {
            boolean asked = everything || field == recordId || fieldNames.contains(field.name())
                    || formNames.contains(field.formName());
            if (asked && (field == recordId || mayExport(caller, field.formName()))) {
                selected.add(field);
            }
        }
        return selected;
    }

    /** Forms the caller's export rights put at "No Access" are left out; super users see everything. */
    private static boolean mayExport(TokenOwner caller, String form) {
        if (caller.superUser()) {
            return true;
        }
        Rights rights = caller.rights();
        if (rights.dataExportTool() != null) {
            return rights.dataExportTool() != 0;
        }
        return rights.formsExport().getOrDefault(form, 1) != 0;
    }
}
