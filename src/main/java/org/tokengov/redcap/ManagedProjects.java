package org.tokengov.redcap;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The projects whose access a person manages in REDCap (full User Rights, active, not suspended: what
 * {@link ProjectPis} calls a project's PIs), asked from the person's side for pages that show a PI their projects.
 * <ul>
 *   <li>Database mode: one read of {@code redcap_user_rights} with the roles, whatever the number of projects.</li>
 *   <li>API mode: REDCap's API answers per project only ({@code content=user}), so only the projects the caller names
 *       are asked (the projects that have tokens in the registry: the only ones a page has to show), at most
 *       {@value #MAX_ASKED} of them, each through {@link ProjectPis}' memory of a few minutes, so a page load spends a
 *       REDCap permit only for projects not asked about lately. REDCap's user export does not say whether an account is
 *       suspended: there, a suspended PI counts until their project access expires.</li>
 * </ul>
 */
@Service
public class ManagedProjects {

    /** Projects asked about per environment and page in the API mode: the rate budget's share for one page. */
    public static final int MAX_ASKED = 50;

    private final RedcapProperties servers;
    private final DatabaseProjectUsers database;
    private final ProjectPis pis;
    private final Clock clock;

    ManagedProjects(RedcapProperties servers, DatabaseProjectUsers database, ProjectPis pis, Clock clock) {
        this.servers = servers;
        this.database = database;
        this.pis = pis;
        this.clock = clock;
    }

    /**
     * The projects of the environment whose User Rights {@code username} manages in full, ascending. {@code candidates}:
     * the projects worth asking about in the API mode (read only there; the first {@value #MAX_ASKED} are asked).
     */
    public List<Long> by(String username, RedcapEnvironment environment, Supplier<List<Long>> candidates) {
        if (servers.server(environment).tokenAdministration() == TokenAdministrationMode.DATABASE) {
            return database.managedBy(environment, username, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
        return candidates.get().stream().sorted().limit(MAX_ASKED)
                .filter(projectId -> pis.of(environment, projectId).stream().anyMatch(username::equalsIgnoreCase))
                .toList();
    }
}
