package org.tokengov.reconciliation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * The administrators' list of existing tokens for an environment whose REDCap database is out of reach (API mode):
 * CSV with the header {@code holder,project,environment} and one token per line. Read whole before anything is
 * written: one bad line refuses the file, naming every bad line.
 */
public final class OnboardingCsv {

    /** The most lines one import takes. */
    public static final int MAX_LINES = 20_000;

    static final String HEADER = "holder,project,environment";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,191}");
    private static final Pattern PROJECT = Pattern.compile("[1-9][0-9]{0,9}");

    /** One existing token: whose, on which project, in which environment. */
    public record Line(String holder, long projectId, RedcapEnvironment environment) {
    }

    /** The file could not be read; the message names each bad line. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private OnboardingCsv() {
    }

    public static List<Line> read(String csv) {
        List<String> rows = csv.lines().map(String::strip).filter(row -> !row.isEmpty()).toList();
        if (rows.isEmpty() || !rows.get(0).toLowerCase(Locale.ROOT).replace(" ", "").equals(HEADER)) {
            throw new Unreadable("The first line must be the header '" + HEADER + "'.");
        }
        if (rows.size() - 1 > MAX_LINES) {
            throw new Unreadable("At most " + MAX_LINES + " tokens per import; this file has " + (rows.size() - 1) + ".");
        }
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", -1);
            String where = "Line " + (i + 1) + ": ";
            if (cells.length != 3) {
                problems.add(where + "3 values expected (" + HEADER + "), found " + cells.length + ".");
                continue;
            }
            String holder = cells[0].strip();
            String project = cells[1].strip();
            String environment = cells[2].strip().toUpperCase(Locale.ROOT);
            if (!USERNAME.matcher(holder).matches()) {
                problems.add(where + "the holder must be a REDCap username (letters, digits, . _ @ -).");
            } else if (!PROJECT.matcher(project).matches()) {
                problems.add(where + "the project must be a REDCap project id (a positive whole number).");
            } else if (!environment.equals("QA") && !environment.equals("PROD")) {
                problems.add(where + "the environment must be QA or PROD.");
            } else if (!seen.add(holder.toLowerCase(Locale.ROOT) + "/" + project + "/" + environment)) {
                problems.add(where + "the same token as an earlier line.");
            } else {
                lines.add(new Line(holder, Long.parseLong(project), RedcapEnvironment.valueOf(environment)));
            }
        }
        if (!problems.isEmpty()) {
            throw new Unreadable(String.join(" ", problems.subList(0, Math.min(problems.size(), 20)))
                    + (problems.size() > 20 ? " (and " + (problems.size() - 20) + " more)" : ""));
        }
        return lines;
    }
}
