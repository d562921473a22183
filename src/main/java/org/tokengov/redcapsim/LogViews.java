package org.tokengov.redcapsim;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * REDCap's request log of a server, {@code redcap_log_view}: every API request leaves one PAGE_VIEW row, whatever it
 * asked for and however it ended, with its content and format and the token redacted (REDCAP-FACTS.md 2). Calls that
 * write nothing to the log_event tables are seen only here.
 */
final class LogViews {

    static final String PAGE_VIEW = "PAGE_VIEW";

    private final JdbcTemplate jdbc;
    private final SimulatorClock clock;
    private final ApiTokens tokens;

    LogViews(JdbcTemplate jdbc, SimulatorClock clock, ApiTokens tokens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tokens = tokens;
    }

    /** Stamped NOW in server time; user and project are the token's when it is valid, NULL otherwise. */
    void appendApiRequest(ApiRequest request) {
        String user = null;
        Integer projectId = null;
        if (ApiTokens.looksLikeSuperToken(request.token())) {
            user = tokens.superTokenOwner(request.token()).orElse(null);
        } else {
            try {
                TokenOwner owner = tokens.authenticate(request, clock.today());
                user = owner.username();
                projectId = owner.projectId();
            } catch (ApiError invalid) {
                // REDCap cannot tell whose request it was: the row names nobody.
            }
        }
        jdbc.update("INSERT INTO redcap_log_view (ts, user, event, ip, page, project_id, miscellaneous)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                clock.now(), user, PAGE_VIEW, request.ip(), LogEvent.API_PAGE, projectId, miscellaneous(request));
    }

    /** The facts' text exactly; the token is never written, whatever was sent. */
    static String miscellaneous(ApiRequest request) {
        return "// API Request: content = '" + orEmpty(request.parameter("content")) + "'; format = '"
                + orEmpty(request.parameter("format")) + "'; token = '<redacted>'";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
