package org.tokengov.offboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;

/**
 * Tells the PIs of every project where the person lost a token, and the REDCap administrators, what was revoked, and
 * what was done to their REDCap account.
 */
@Service
class OffboardingNotices {


    private record RevokedProject(RedcapEnvironment environment, long projectId) {
        @Override
        public String toString() {
            return environment + " project " + projectId;
        }
    }

    private final JdbcClient jdbc;
    private final ProjectPis pis;
    private final RedcapProperties servers;
    private final Notifier notifier;
    private final RedcapAccountSuspensions suspensions;

    OffboardingNotices(JdbcClient jdbc, ProjectPis pis, RedcapProperties servers, Notifier notifier,
            RedcapAccountSuspensions suspensions) {
        this.jdbc = jdbc;
        this.pis = pis;
        this.servers = servers;
        this.notifier = notifier;
        this.suspensions = suspensions;
    }

    void send(OffboardingEvent event) {
        List<RevokedProject> projects = projectsInScope(event);
        Map<String, TreeSet<String>> projectsByPi = projectsByPi(event, projects);
        String leftProject = OffboardingEvent.LEFT_PROJECT.equals(event.type())
                ? String.valueOf(event.projectId()) : "";
        String source = String.valueOf(event.source());
        String account = suspensions.summary(event);
        projectsByPi.forEach((pi, theirProjects) -> notifier.send(Notification.toUser(pi,
                MailKind.OFFBOARDING_REPORT_TO_PI,
                Map.of("username", event.username(), "leftProject", leftProject, "source", source,
                        "projects", List.copyOf(theirProjects), "account", account))));
        notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.OFFBOARDING_REPORT_TO_ADMINS, Map.of(
                "username", event.username(), "leftProject", leftProject, "source", source,
                "projects", projects.stream().map(RevokedProject::toString).toList(),
                "details", event.outcomeDetails() == null ? "" : event.outcomeDetails(), "eventId", event.id(),
                "account", account)));
    }

    /** A held termination of a rejected wave: its tokens work again; the PIs and the administrators hear of it. */
    void rejected(OffboardingEvent event, List<String> lines) {
        List<RevokedProject> projects = projectsInScope(event);
        projectsByPi(event, projects).forEach((pi, theirProjects) -> notifier.send(Notification.toUser(pi,
                MailKind.TERMINATION_REJECTED_TO_PI,
                Map.of("username", event.username(), "projects", List.copyOf(theirProjects)))));
        notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.TERMINATION_REJECTED_TO_ADMINS, Map.of(
                "username", event.username(), "eventId", event.id(), "lines", String.join("\n", lines))));
    }

    private List<RevokedProject> projectsInScope(OffboardingEvent event) {
        return jdbc.sql("""
                select distinct environment, project_id from offboarding_revocation where event_id = ?
                order by environment, project_id""")
                .param(event.id())
                .query((rs, row) -> new RevokedProject(RedcapEnvironment.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
    }

    private Map<String, TreeSet<String>> projectsByPi(OffboardingEvent event, List<RevokedProject> projects) {
        Map<String, TreeSet<String>> projectsByPi = new LinkedHashMap<>();
        for (RevokedProject project : projects) {
            if (!servers.server(project.environment()).isEnrolled(project.projectId())) {
                continue; // no steward token to ask REDCap who its PIs are; the administrators hear of it below
            }
            for (String pi : pis.of(project.environment(), project.projectId())) {
                if (!pi.equalsIgnoreCase(event.username())) {
                    projectsByPi.computeIfAbsent(pi, any -> new TreeSet<>()).add(project.toString());
                }
            }
        }
        return projectsByPi;
    }
}
