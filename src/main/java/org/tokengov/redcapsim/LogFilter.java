package org.tokengov.redcapsim;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of REDCap's log export (REDCAP-FACTS.md 4). Times are {@code YYYY-MM-DD HH:MM} in server time, to which
 * REDCap appends {@code :00}, compared with {@code >=} and {@code <=}: an end time takes in its own minute's first
 * second only. {@code YYYY-MM-DD HH:MM:SS}, which PyCap sends, is taken to the second. Without a begin time the log
 * starts at the project's creation. Absent filters are {@code null}.
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
            return RedcapTimestamps.parseFilterTime(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("The value of the parameter \"" + parameter + "\" is not valid: expected YYYY-MM-DD HH:MM");
        }
    }

    /**
     * The WHERE clause and its arguments for the project's log table, limited to that project.
     *
     * @param table one of {@link LogTables#ALL}
     * @param projectCreated where the log starts without a begin time; {@code null} when the project has none on file
     */
    Where where(int projectId, String table, LocalDateTime projectCreated) {
        List<String> conditions = new ArrayList<>(List.of("project_id = ?"));
        List<Object> arguments = new ArrayList<>(List.of(projectId));
        if (type != null) {
            conditions.add(type.condition());
        }
        if (user != null) {
            // Qualified: H2 reads a bare "user" as its USER() function, even with NON_KEYWORDS=USER.
            conditions.add(table + ".user = ?");
            arguments.add(user);
        }
        if (record != null) {
            conditions.add("object_type = 'redcap_data' AND pk = ?");
            arguments.add(record);
        }
        LocalDateTime from = begin != null ? begin : projectCreated;
        if (from != null) {
            conditions.add("ts >= ?");
            arguments.add(RedcapTimestamps.toTs(from));
        }
        if (end != null) {
            conditions.add("ts <= ?");
            arguments.add(RedcapTimestamps.toTs(end));
        }
        return new Where(String.join(" AND ", conditions), List.copyOf(arguments));
    }

    record Where(String sql, List<Object> arguments) {
    }
}
