package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A field of a project's data dictionary, a row of {@code redcap_metadata}.
 *
 * @param type REDCap's {@code element_type}: text, textarea, calc, select, radio, checkbox, yesno, truefalse, file,
 *        slider, descriptive, sql
 * @param choices {@code element_enum} as REDCap stores it: {@code code, label} pairs separated by a literal
 *        {@code \n}
 * @param validation {@code element_validation_type}, e.g. date_ymd, integer, number
 */
record Field(
        String name,
        String formName,
        String type,
        String label,
        String choices,
        String note,
        String validation,
        String validationMin,
        String validationMax,
        boolean identifier,
        String branchingLogic,
        boolean required,
        String sectionHeader,
        String customAlignment,
        String questionNumber,
        String matrixGroup,
        String annotation) {

    /** Each form's status field, which REDCap keeps in the dictionary but leaves out of its export. */
    boolean isFormStatus() {
        return name.equals(formName + "_complete");
    }

    boolean isCheckbox() {
        return "checkbox".equals(type);
    }

    boolean holdsData() {
        return !"descriptive".equals(type);
    }

    /** The metadata export's {@code field_type}. */
    String exportedType() {
        return switch (type) {
            case "select" -> "dropdown";
            case "textarea" -> "notes";
            default -> type;
        };
    }

    /** Code to label, in order; yes/no and true/false have theirs built in. */
    Map<String, String> choiceLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        switch (type) {
            case "yesno" -> {
                labels.put("1", "Yes");
                labels.put("0", "No");
            }
            case "truefalse" -> {
                labels.put("1", "True");
                labels.put("0", "False");
            }
            default -> {
                if (isFormStatus()) {
                    labels.put("0", "Incomplete");
                    labels.put("1", "Unverified");
                    labels.put("2", "Complete");
                } else if (choices != null && !"calc".equals(type) && !"sql".equals(type)) {
                    for (String choice : choices.split("\\\\n|\\||\n")) {
                        String[] parts = choice.split(",", 2);
                        if (!parts[0].isBlank()) {
                            labels.put(parts[0].trim(), parts.length == 2 ? parts[1].trim() : "");
                        }
                    }
                }
            }
        }
        return labels;
    }

    /** {@code 1, Control | 2, Treatment}, as the metadata export shows choices; calculations unchanged. */
    String exportedChoices() {
        if (choices == null) {
            return "";
        }
        if ("calc".equals(type) || "sql".equals(type) || "slider".equals(type)) {
            return choices;
        }
        return String.join(" | ", choiceLabels().entrySet().stream()
                .map(choice -> choice.getKey() + ", " + choice.getValue()).toList());
    }

    /** The columns this field has in a record export: one per choice for checkboxes ({@code field___code}). */
    List<String> exportNames() {
        if (!holdsData()) {
            return List.of();
        }
        if (isCheckbox()) {
            return choiceLabels().keySet().stream().map(this::checkboxColumn).toList();
        }
        return List.of(name);
    }

    String checkboxColumn(String code) {
        return name + "___" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }
}
