package org.tokengov.redcaplog;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * What one catch-up of an environment's log read and kept, per project ({@code 0}: the rows without a project).
 *
 * @param projects per project; a project the reader could not read (API mode without a steward token) is absent
 */
public record LogCatchUp(RedcapEnvironment environment, Map<Long, Project> projects) {

    /**
     * @param rowsRead rows of REDCap's log read for the first time
     * @param tokenEvents token events kept
     * @param leaks live tokens whose value was seen in the log for the first time
     * @param apiCalls API calls seen
     */
    public record Project(long rowsRead, int tokenEvents, int leaks, int apiCalls) {

        static final Project NOTHING = new Project(0, 0, 0, 0);

        Project plus(Project other) {
            return new Project(rowsRead + other.rowsRead, tokenEvents + other.tokenEvents, leaks + other.leaks,
                    apiCalls + other.apiCalls);
        }
    }

    public LogCatchUp {
        projects = Collections.unmodifiableMap(new TreeMap<>(projects));
    }

    public long rowsRead() {
        return projects.values().stream().mapToLong(Project::rowsRead).sum();
    }

    public int tokenEvents() {
        return projects.values().stream().mapToInt(Project::tokenEvents).sum();
    }

    public int leaks() {
        return projects.values().stream().mapToInt(Project::leaks).sum();
    }

    public int apiCalls() {
        return projects.values().stream().mapToInt(Project::apiCalls).sum();
    }

    @Override
    public String toString() {
        return "REDCap " + environment + "'s log: " + rowsRead() + " new rows, " + tokenEvents() + " token events, "
                + apiCalls() + " API calls, " + leaks() + " leaked token values, over " + projects.size() + " project(s)";
    }
}
