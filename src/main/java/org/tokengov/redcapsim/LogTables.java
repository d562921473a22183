package org.tokengov.redcapsim;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * REDCap's log tables: {@code redcap_log_event} and {@code redcap_log_event2} … {@code redcap_log_event12}, one of
 * which each project names in {@code redcap_projects.log_event_table} (REDCAP-FACTS.md 1 and 2). Table names are
 * spliced into SQL, so only these are ever used.
 */
final class LogTables {

    static final String DEFAULT = "redcap_log_event";
    static final List<String> ALL = Stream.concat(Stream.of(DEFAULT),
            IntStream.rangeClosed(2, 12).mapToObj(number -> DEFAULT + number)).toList();

    private LogTables() {
    }

    /** The project's table; a value REDCap would not have (or none) falls back to the default table. */
    static String ofProject(String logEventTable) {
        return logEventTable != null && ALL.contains(logEventTable.trim()) ? logEventTable.trim() : DEFAULT;
    }

    /** Rows without a project (project_id 0) always go to the default table. */
    static String forRow(int projectId, String projectsTable) {
        return projectId == 0 ? DEFAULT : ofProject(projectsTable);
    }
}
