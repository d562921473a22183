package org.tokengov.redcapsim;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What an administrator does with API tokens in REDCap's Control Center (REDCAP-FACTS.md 3), with the rows REDCap
 * writes: every row MANAGE on {@code redcap_user_rights} with pk the user and {@code user = 'x'} (the sheet gives this
 * shape for the API page; the simulator uses it here too). Regenerate and delete put the old value in the
 * description, in plain text, as REDCap does. REDCap's e-mails to the user are not sent.
 */
@Component
@ConditionalOnRedcapSimulator
class ControlCenterTokens {

    static final String PAGE = "ControlCenter/user_api_ajax.php";

    private final SimulatorClock clock;

    ControlCenterTokens(SimulatorClock clock) {
        this.clock = clock;
    }

    /** Creates the user's token; logs it on the project and once more without a project; completes pending requests. */
    void create(PageContext page, String by, String username, int projectId) {
        page.server().inTransaction(() -> {
            RedcapUser administrator = page.administrator(by);
            ProjectUser user = page.projectUser(projectId, username);
            if (page.server().projectUsers().token(projectId, user.username()).isPresent()) {
                throw new PageError(HttpStatus.CONFLICT, "User '" + user.username() + "' already has an API token on"
                        + " project " + projectId + ": regenerate or delete it");
            }
            page.server().projectUsers().setToken(projectId, user.username(),
                    TokenValues.newProjectToken(page.server().projectUsers()::tokenExists));
            log(page, projectId, administrator, user.username(), "Create API token for user");
            // Written by REDCap without a project, so per its code it lands with project_id 0 (not confirmed at runtime).
            log(page, 0, administrator, user.username(), "Create API token for user");
            page.server().todoList().completeTokenRequests(projectId, page.user(user.username()), administrator,
                    clock.now());
            return null;
        });
    }

    void regenerate(PageContext page, String by, String username, int projectId) {
        page.server().inTransaction(() -> {
            RedcapUser administrator = page.administrator(by);
            String old = existingToken(page, projectId, username);
            page.server().projectUsers().setToken(projectId, username,
                    TokenValues.newProjectToken(page.server().projectUsers()::tokenExists));
            log(page, projectId, administrator, username, "Regenerate API token for user; Replaced token = " + old);
            return null;
        });
    }

    void delete(PageContext page, String by, String username, int projectId) {
        page.server().inTransaction(() -> {
            RedcapUser administrator = page.administrator(by);
            String old = existingToken(page, projectId, username);
            page.server().projectUsers().setToken(projectId, username, null);
            log(page, projectId, administrator, username, "Delete API token for user; Deleted token = " + old);
            return null;
        });
    }

    /** Super tokens: on the user, not a project; their rows carry no token value (REDCAP-FACTS.md 3). */
    void createSuperToken(PageContext page, String by, String username) {
        page.server().inTransaction(() -> {
            RedcapUser administrator = page.administrator(by);
            RedcapUser user = page.user(username);
            if (user.hasSuperToken()) {
                throw new PageError(HttpStatus.CONFLICT, "User '" + user.username() + "' already has a super API token");
            }
            page.server().users().setSuperToken(user.username(),
                    TokenValues.newSuperToken(page.server().users()::superTokenExists));
            logSuperToken(page, administrator, user.username(), "Create Super API Token for user");
            return null;
        });
    }

    void deleteSuperToken(PageContext page, String by, String username) {
        page.server().inTransaction(() -> {
            RedcapUser administrator = page.administrator(by);
            RedcapUser user = page.user(username);
            if (!user.hasSuperToken()) {
                throw new PageError(HttpStatus.CONFLICT, "User '" + user.username() + "' has no super API token");
            }
            page.server().users().setSuperToken(user.username(), null);
            logSuperToken(page, administrator, user.username(), "Delete Super API Token for user");
            return null;
        });
    }

    private static String existingToken(PageContext page, int projectId, String username) {
        ProjectUser user = page.projectUser(projectId, username);
        return page.server().projectUsers().token(projectId, user.username())
                .orElseThrow(() -> new PageError(HttpStatus.CONFLICT, "User '" + user.username()
                        + "' has no API token on project " + projectId));
    }

    private static void log(PageContext page, int projectId, RedcapUser administrator, String username,
            String description) {
        page.log(projectId, administrator.username(), PAGE, "MANAGE", "redcap_user_rights", username,
                "user = '" + username + "'", description);
    }

    private static void logSuperToken(PageContext page, RedcapUser administrator, String username, String description) {
        page.log(0, administrator.username(), PAGE, "MANAGE", "redcap_user_information", username,
                "user = '" + username + "'", description);
    }
}
