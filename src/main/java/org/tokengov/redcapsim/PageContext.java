package org.tokengov.redcapsim;

import org.springframework.http.HttpStatus;

/**
 * Who acts on one of the simulated REDCap pages, from where, and the look-ups every page makes first.
 *
 * @param ip the client's address, which REDCap logs
 * @param webRoot the server's address up to its last {@code /}, for links REDCap writes
 */
record PageContext(RedcapServer server, String ip, String webRoot) {

    RedcapUser user(String username) {
        return server.users().find(username)
                .orElseThrow(() -> PageError.badRequest("REDCap has no user '" + username + "'"));
    }

    ProjectUser projectUser(int projectId, String username) {
        if (server.projects().find(projectId).isEmpty()) {
            throw PageError.badRequest("REDCap has no project " + projectId);
        }
        return server.projectUsers().find(projectId, username)
                .orElseThrow(() -> PageError.badRequest("User '" + username + "' is not a user of project " + projectId));
    }

    /** The Control Center is for super users only; without a name, the first super user acts. */
    RedcapUser administrator(String by) {
        String username = by != null ? by : server.users().firstSuperUser()
                .orElseThrow(() -> PageError.badRequest("REDCap has no super user to act in the Control Center: name one in 'by'"));
        RedcapUser administrator = user(username);
        if (!administrator.superUser() || administrator.suspended()) {
            throw new PageError(HttpStatus.FORBIDDEN, "Only an active super user may use the Control Center, not '"
                    + username + "'");
        }
        return administrator;
    }

    void log(int projectId, String user, String page, String event, String objectType, String pk, String dataValues,
            String description) {
        server.log().append(LogEvent.onPage(projectId, user, ip, page, event, objectType, pk, dataValues, description));
    }
}
