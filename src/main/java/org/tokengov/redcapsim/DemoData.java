package org.tokengov.redcapsim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo people and projects of the embedded default. Inserts only what is missing, so a file
 * database survives restarts and keeps whatever the demo changed.
 */
final class DemoData {

    static final String STEWARD = "tokengov_steward";

    /**
     * PROD and QA each have one project; the names are the environment names of the URLs. The production project logs
     * into {@code redcap_log_event5}, as a project of a large REDCap does, so that whatever reads REDCap's log must
     * look up the project's table.
     */
    private static final Map<String, Project> PROJECTS = Map.of(
            "prod", new Project(101, "Demo Study (production)", 1, "redcap_log_event5"),
            "qa", new Project(201, "Demo Study (QA)", 0, LogTables.DEFAULT));

    private static final List<Person> PEOPLE = List.of(
            new Person("alice", "Alice", "Anderson", false),
            new Person("bob", "Bob", "Baker", false),
            new Person("rita", "Rita", "Ramirez", false),
            new Person("pat", "Pat", "Patel", false),
            new Person("sam", "Sam", "Sato", false),
            new Person("ada", "Ada", "Adeyemi", true),
            new Person("carol", "Carol", "Chen", false),
            new Person("svc_etl", "ETL", "Service Account", false),
            new Person("erin", "Erin", "External", false),
            new Person("eve", "Eve", "Unsponsored", false),
            steward());

    /** erin and eve are external collaborators: erin is sponsored by pat, eve by nobody. */
    private static final List<String> ACTIVE_PROJECT_USERS =
            List.of("alice", "bob", "rita", "pat", "svc_etl", "erin", "eve");
    private static final String PRINCIPAL_INVESTIGATOR = "pat";
    private static final String EXPIRED_PROJECT_USER = "carol";
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    private static final LocalDateTime CREATED = LocalDateTime.of(2019, 6, 3, 9, 0);
    private static final LocalDateTime MOVED_TO_PRODUCTION = LocalDateTime.of(2019, 9, 2, 10, 0);
    private static final String CONTACT = "ada@example.org";

    private final JdbcTemplate jdbc;

    DemoData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Optional<Project> projectOf(String environment) {
        return Optional.ofNullable(PROJECTS.get(environment));
    }

    void seed(String environment) {
        PEOPLE.forEach(this::addPersonIfMissing);
        projectOf(environment).ifPresent(project -> {
            addProjectIfMissing(project);
            for (String username : ACTIVE_PROJECT_USERS) {
                addProjectUserIfMissing(project.id(), username, null, username.equals(PRINCIPAL_INVESTIGATOR));
            }
            addProjectUserIfMissing(project.id(), EXPIRED_PROJECT_USER, LONG_AGO, false);
            new DemoStudy(jdbc).addIfMissing(project.id());
        });
    }

    void addPersonIfMissing(Person person) {
        Integer present = jdbc.queryForObject(
                "SELECT COUNT(*) FROM redcap_user_information WHERE username = ?", Integer.class, person.username());
        if (present == 0) {
            jdbc.update("INSERT INTO redcap_user_information"
                            + " (username, user_email, user_firstname, user_lastname, super_user) VALUES (?, ?, ?, ?, ?)",
                    person.username(), person.username() + "@example.org", person.firstName(), person.lastName(),
                    person.superUser() ? 1 : 0);
        }
    }

    static Person steward() {
        return new Person(STEWARD, "Token Governance", "Steward", false);
    }

    private void addProjectIfMissing(Project project) {
        Integer present = jdbc.queryForObject(
                "SELECT COUNT(*) FROM redcap_projects WHERE project_id = ?", Integer.class, project.id());
        if (present == 0) {
            jdbc.update("""
                            INSERT INTO redcap_projects (project_id, app_title, status, creation_time, production_time,
                                log_event_table, project_contact_email, project_contact_name, project_pi_firstname,
                                project_pi_lastname, project_pi_email, project_pi_username)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'Ada Adeyemi', 'Pat', 'Patel', 'pat@example.org', 'pat')""",
                    project.id(), project.title(), project.status(), CREATED,
                    project.status() == 1 ? MOVED_TO_PRODUCTION : null, project.logEventTable(), CONTACT);
        }
    }

    /** Rights are written out, as REDCap's User Rights page does: the table's defaults would give User Rights to all. */
    private void addProjectUserIfMissing(int projectId, String username, LocalDate expiration, boolean userRights) {
        Integer present = jdbc.queryForObject(
                "SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = ? AND username = ?",
                Integer.class, projectId, username);
        if (present == 0) {
            jdbc.update("INSERT INTO redcap_user_rights (project_id, username, expiration, user_rights, data_logging)"
                    + " VALUES (?, ?, ?, ?, 0)", projectId, username, expiration, userRights ? 1 : 0);
        }
    }

    record Project(int id, String title, int status, String logEventTable) {
    }

    record Person(String username, String firstName, String lastName, boolean superUser) {
    }
}
