package org.tokengov.redcapsim;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of REDCap's log export. Times are {@code YYYY-MM-DD HH:MM} in server time and both ends
 * are inclusive to the minute. Absent filters are {@code null}.
 */
record LogFilter(LogType type, String user, String record, LocalDateTime begin, LocalDateTime end) {

    static LogFilter of(ApiRequest request) {
        String logType = request.parameter("logtype");
        LogType type = logType == null ? null : LogType.ofParameter(logType)
                .orElseThrow(() -> ApiError.badRequest("The value of the parameter \"logtype\" is not valid"));
        return new LogFilter(type, request.parameter("user"), request.parameter("record"),
                time(request, "beginTime"), time(request, "endTime"));
    }

    private static LocalDateTime time(ApiRequest request, String parameter) {
        String value = request.parameter(parameter);
        if (value == null) {
            return null;
        }
        try {
            return RedcapTimestamps.parseMinute(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("The value of the parameter \"" + parameter + "\" is not valid: expected YYYY-MM-DD HH:MM");
        }
    }

    /** The WHERE clause and its arguments for {@code redcap_log_event}, limited to one project. */
    Where where(int projectId) {
        List<String> conditions = new ArrayList<>(List.of("project_id = ?"));
        List<Object> arguments = new ArrayList<>(List.of(projectId));
        if (type != null) {
            conditions.add(type.condition());
        }
        if (user != null) {
            // Qualified: H2 reads a bare "user" as its USER() function, even with NON_KEYWORDS=USER.
            conditions.add("redcap_log_event.user = ?");
            arguments.add(user);
        }
        if (record != null) {
            conditions.add("object_type = 'redcap_data' AND pk = ?");
            arguments.add(record);
        }
        if (begin != null) {
            conditions.add("ts >= ?");
            arguments.add(RedcapTimestamps.toTs(begin.withSecond(0)));
        }
        if (end != null) {
            conditions.add("ts <= ?");
            arguments.add(RedcapTimestamps.toTs(end.withSecond(59)));
        }
        return new Where(String.join(" AND ", conditions), List.copyOf(arguments));
    }

    record Where(String sql, List<Object> arguments) {
    }
}
