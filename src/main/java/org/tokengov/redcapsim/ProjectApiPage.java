package org.tokengov.redcapsim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a user does on a project's API page (REDCAP-FACTS.md 3): ask for a token, regenerate or delete their own. Every
 * row is MANAGE on {@code redcap_user_rights} with pk the user and {@code user = 'x'}; regenerate and delete put the
 * old value in the description, in plain text, as REDCap does.
 */
@Component
@ConditionalOnRedcapSimulator
class ProjectApiPage {

    static final String PAGE = "API/project_api_ajax.php";
    static final String TOKEN_EXISTS = "Your API token request failed! - token already exists.";
    static final String UNABLE = "Your API token request failed! - Unable to create token";

    private static final Logger log = LoggerFactory.getLogger(ProjectApiPage.class);

    private final SimulatorClock clock;

    ProjectApiPage(SimulatorClock clock) {
        this.clock = clock;
    }

    /**
     * The request button. Made at once for a super user, under {@code auto_approve_all}, and under
     * {@code auto_approve_selected} for a user with {@code api_token_auto_request}; otherwise a pending to-do row for
     * the administrators.
     *
     * @param mobileAppOnly the button of the mobile app page, which needs the Mobile App right instead of an API right
     */
    Outcome request(PageContext page, String username, int projectId, boolean mobileAppOnly) {
        return page.server().inTransaction(() -> {
            ProjectUser user = activeProjectUser(page, projectId, username);
            RedcapUser person = page.user(user.username());
            if (page.server().projectUsers().token(projectId, user.username()).isPresent()) {
                throw new PageError(HttpStatus.CONFLICT, TOKEN_EXISTS);
            }
            Rights rights = user.rights();
            boolean allowed = mobileAppOnly ? rights.mobileApp() == 1 : rights.apiExport() == 1 || rights.apiImport() == 1;
            if (!allowed) {
                throw new PageError(HttpStatus.FORBIDDEN, UNABLE);
            }
            String requestType = page.server().config().get(RedcapConfig.API_TOKEN_REQUEST_TYPE);
            boolean immediately = person.superUser() || requestType.equals("auto_approve_all")
                    || (requestType.equals("auto_approve_selected") && person.apiTokenAutoRequest());
            if (immediately) {
                page.server().projectUsers().setToken(projectId, user.username(),
                        TokenValues.newProjectToken(page.server().projectUsers()::tokenExists));
                log(page, projectId, user.username(), "Create API token for self");
                return new Outcome(true, null);
            }
            Projects.Project project = page.server().projects().find(projectId).orElseThrow();
            int requestId = page.server().todoList().addTokenRequest(projectId, person, project.contactEmail(),
                    page.webRoot(), clock.now());
            if ("1".equals(page.server().config().get(RedcapConfig.SEND_EMAILS_ADMIN_TASKS))) {
                // REDCap mails the project's contact here; the simulator sends no mail and notes it instead.
                log.info("REDCap simulator '{}': \"{}\" requests an API token on project {} (to-do {}, for {})",
                        page.server().name(), user.username(), projectId, requestId, project.contactEmail());
            }
            log(page, projectId, user.username(), "Request API token");
            return new Outcome(false, requestId);
        });
    }

    void regenerate(PageContext page, String username, int projectId) {
        page.server().inTransaction(() -> {
            ProjectUser user = activeProjectUser(page, projectId, username);
            String old = ownToken(page, projectId, user);
            page.server().projectUsers().setToken(projectId, user.username(),
                    TokenValues.newProjectToken(page.server().projectUsers()::tokenExists));
            log(page, projectId, user.username(), "User regenerate own API token; Replaced token = " + old);
            return null;
        });
    }

    void delete(PageContext page, String username, int projectId) {
        page.server().inTransaction(() -> {
            ProjectUser user = activeProjectUser(page, projectId, username);
            String old = ownToken(page, projectId, user);
            page.server().projectUsers().setToken(projectId, user.username(), null);
            log(page, projectId, user.username(), "User delete own API token; Deleted token = " + old);
            return null;
        });
    }

    /** Someone suspended cannot log in, and someone whose access expired cannot open the project. */
    private ProjectUser activeProjectUser(PageContext page, int projectId, String username) {
        ProjectUser user = page.projectUser(projectId, username);
        RedcapUser person = page.user(user.username());
        if (person.suspended()) {
            throw new PageError(HttpStatus.FORBIDDEN, "The account of '" + user.username() + "' is suspended");
        }
        if (!person.superUser() && user.expiration() != null && !user.expiration().isAfter(clock.today())) {
            throw new PageError(HttpStatus.FORBIDDEN, "The access of '" + user.username() + "' to project " + projectId
                    + " expired on " + user.expiration());
        }
        return user;
    }

    private static String ownToken(PageContext page, int projectId, ProjectUser user) {
        return page.server().projectUsers().token(projectId, user.username())
                .orElseThrow(() -> new PageError(HttpStatus.CONFLICT, "User '" + user.username()
                        + "' has no API token on project " + projectId));
    }

    private static void log(PageContext page, int projectId, String username, String description) {
        page.log(projectId, username, PAGE, "MANAGE", "redcap_user_rights", username, "user = '" + username + "'",
                description);
    }

    /** @param requestId the to-do row when the token waits for an administrator, else {@code null} */
    record Outcome(boolean created, Integer requestId) {
    }
}
