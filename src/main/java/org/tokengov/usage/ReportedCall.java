package org.tokengov.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tokengov.input.PlainText;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * One API call as a REDCap External Module or reverse proxy reports it to {@code POST /api/usage-events} (see
 * docs/usage-events.md): who called which project when, REDCap's {@code content} and {@code action}, and the
 * parameters that narrow a record export. Only their counts and presence are ever stored ({@link ReportedCalls}).
 *
 * @param id the sender's id of the call, unique per environment: the same id again is the same call
 * @param at when REDCap received the call, ISO-8601 with an offset ({@code 2026-12-07T10:00:00Z})
 * @param dateRangeBegin REDCap's {@code dateRangeBegin} ({@code YYYY-MM-DD HH:MM:SS}), null if not sent
 */
record ReportedCall(String id, String environment, Long projectId, String username, String at, String content,
        String action, List<String> records, List<String> fields, List<String> forms, List<String> events,
        String filterLogic, String dateRangeBegin, String dateRangeEnd, String fileField) {

    static final int MAX_USERNAME_LENGTH = 191;
    /** REDCap's parameter names and values: {@code record}, {@code fileRepository}, {@code export}, {@code import}. */
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z_]{0,31}");
    /** REDCap's date range form, with the time optional. */
    private static final Pattern REDCAP_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?");
    /** No API existed before; an earlier time is a sender's mistake, not a call. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** What is wrong with the call, field by field; empty if it can be stored. Never repeats a value but the id. */
    List<String> problems(Instant now, Duration tolerance) {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank() || id.length() > 255 || !PlainText.isPlain(id)) {
            problems.add("id is required: 1 to 255 characters without control characters.");
        }
        if (environment == null || !(environment.equals("QA") || environment.equals("PROD"))) {
            problems.add("environment must be QA or PROD.");
        }
        if (projectId == null || projectId < 1) {
            problems.add("projectId is required: REDCap's project id, a whole number above 0.");
        }
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME_LENGTH
                || !PlainText.isPlain(username)) {
            problems.add("username is required: the REDCap user, 1 to " + MAX_USERNAME_LENGTH
                    + " characters without control characters.");
        }
        Instant calledAt = calledAt();
        if (calledAt == null) {
            problems.add("at is required: when REDCap received the call, ISO-8601 with an offset (2026-12-07T10:00:00Z).");
        } else if (calledAt.isBefore(EARLIEST) || calledAt.isAfter(now.plus(tolerance))) {
            problems.add("at must be a time between 2000 and now.");
        }
        if (content == null || !PARAMETER.matcher(content).matches()) {
            problems.add("content is required: REDCap's content parameter (record, file, metadata, …).");
        }
        if (action == null || !PARAMETER.matcher(action).matches()) {
            problems.add("action is required: what REDCap did (export, import, delete, …).");
        }
        for (String list : List.of("records", "fields", "forms", "events")) {
            List<String> values = list(list);
            if (values != null && values.contains(null)) {
                problems.add(list + " must hold strings only (no null).");
            }
        }
        checkDate("dateRangeBegin", dateRangeBegin, problems);
        checkDate("dateRangeEnd", dateRangeEnd, problems);
        return problems;
    }

    private List<String> list(String name) {
        return switch (name) {
            case "records" -> records;
            case "fields" -> fields;
            case "forms" -> forms;
            default -> events;
        };
    }

    private static void checkDate(String name, String value, List<String> problems) {
        if (present(value) && !REDCAP_DATE.matcher(value.trim()).matches()) {
            problems.add(name + " must be REDCap's YYYY-MM-DD HH:MM:SS, or null.");
        }
    }

    /** The call's time, or null if {@code at} is missing or not ISO-8601 with an offset. */
    Instant calledAt() {
        if (at == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    RedcapEnvironment redcapEnvironment() {
        return RedcapEnvironment.valueOf(environment);
    }

    int recordCount() {
        return size(records);
    }

    int fieldCount() {
        return size(fields);
    }

    int formCount() {
        return size(forms);
    }

    boolean hasFilterLogic() {
        return present(filterLogic);
    }

    boolean hasDateRange() {
        return present(dateRangeBegin) || present(dateRangeEnd);
    }

    boolean hasFileField() {
        return present(fileField);
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Names the call in a message: its place in the delivery, and its id if that is printable. */
    String describe(int index) {
        boolean printable = id != null && !id.isBlank() && id.length() <= 255 && PlainText.isPlain(id);
        return "calls[" + index + "]" + (printable ? " (id \"" + id.replace("\"", "\\\"") + "\")" : "");
    }
}
