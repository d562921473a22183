package org.tokengov.offboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ProjectAccess;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapException;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapRoleMemberException;

/**
 * {@code Task_EndProjectAccess}: a person who left a project loses their REDCap access to it, not only their tokens:
 * the User Rights expiration is set to the day they left (REDCap refuses a user on their expiration date), on the
 * production project and on the QA projects of their requests for it. Each step is audited; the project's PIs and the
 * administrators are told what was done, and what an administrator must do by hand (a member of a user role). Safe to
 * repeat: an expiration already set by then is left as it is.
 */
@Component("endProjectAccessDelegate")
class EndProjectAccessDelegate extends OffboardingStepDelegate {

    private record Project(RedcapEnvironment environment, long projectId) implements Comparable<Project> {

        @Override
        public int compareTo(Project other) {
            int byEnvironment = environment.compareTo(other.environment);
            return byEnvironment != 0 ? byEnvironment : Long.compare(projectId, other.projectId);
        }

        @Override
        public String toString() {
            return environment + " project " + projectId;
        }
    }

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final ProjectPis pis;
    private final RedcapProperties servers;
    private final AuditTrail auditTrail;
    private final Notifier notifier;

    EndProjectAccessDelegate(OffboardingEvents events, JdbcClient jdbc, ProjectAccess access, ProjectPis pis,
            RedcapProperties servers, AuditTrail auditTrail, Notifier notifier) {
        super(events);
        this.jdbc = jdbc;
        this.access = access;
        this.pis = pis;
        this.servers = servers;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        if (!OffboardingEvent.LEFT_PROJECT.equals(event.type())) {
            return;
        }
        // The PIs first: a spent budget makes the step wait before anything is written in REDCap.
        List<String> projectPis = pisOf(RedcapEnvironment.PROD, event.projectId()).stream()
                .filter(pi -> !pi.equalsIgnoreCase(event.username())).toList();
        List<String> lines = new ArrayList<>();
        for (Project project : projectsOf(event)) {
            String line = end(event, project);
            lines.add(line);
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.PROJECT_ACCESS_ENDED, null, null,
                    event.username() + " left project " + event.projectId() + " (event " + event.id() + "): " + line);
        }
        notifier.send(new Notification(projectPis, List.of(ContractGroups.ADMINS), MailKind.PROJECT_ACCESS_ENDED,
                Map.of("username", event.username(), "project", event.projectId(),
                        "expiration", lastDay(event, RedcapEnvironment.PROD).toString(),
                        "lines", String.join("\n", lines))));
    }

    /** Ends the access on one project; what was done, in words. */
    private String end(OffboardingEvent event, Project project) {
        LocalDate day = lastDay(event, project.environment());
        String byHand = project + ": BY HAND: set " + event.username() + "'s expiration to " + day
                + " on the project's User Rights page (";
        if (!servers.server(project.environment()).isEnrolled(project.projectId())) {
            return byHand + "not governed by this system)";
        }
        try {
            return switch (access.end(project.environment(), project.projectId(), event.username(), day,
                    AuditTrail.SYSTEM_ACTOR)) {
                case ENDED -> project + ": access ends on " + day + " (User Rights expiration set)";
                case NOTHING_TO_END -> project + ": nothing to do (not a user, or expiring by then already)";
            };
        } catch (RedcapRoleMemberException roleMember) {
            return byHand + event.username() + " is in a user role, which REDCap's API cannot change)";
        }
    }

    /** The day they left, on the REDCap server's calendar: REDCap refuses a user on their expiration date. */
    private LocalDate lastDay(OffboardingEvent event, RedcapEnvironment environment) {
        return event.effectiveAt().atZone(servers.server(environment).timeZone()).toLocalDate();
    }

    /** The production project they left, and the QA projects their tokens for it were on (the offboarding's scope). */
    private Set<Project> projectsOf(OffboardingEvent event) {
        Set<Project> projects = new TreeSet<>();
        if (servers.environments().containsKey(RedcapEnvironment.PROD)) {
            projects.add(new Project(RedcapEnvironment.PROD, event.projectId()));
        }
        jdbc.sql("select distinct environment, project_id from offboarding_revocation where event_id = ?")
                .param(event.id())
                .query((rs, row) -> new Project(RedcapEnvironment.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(projects::add);
        return projects;
    }

    private List<String> pisOf(RedcapEnvironment environment, long projectId) {
        try {
            return pis.of(environment, projectId);
        } catch (RateBudgetExhaustedException spent) {
            throw spent;
        } catch (RedcapException e) {
            // The administrators hear of it anyway.
            return List.of();
        }
    }
}
