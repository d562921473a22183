package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.fairuse.FairUseCases;
import org.tokengov.redcap.ManagedProjects;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenReports;

/**
 * A PI's view: every token on the projects whose User Rights the viewer manages in REDCap (full User Rights, active,
 * not suspended; read-only User Rights do not count), whoever holds it. Which projects those are is REDCap's to say,
 * asked on every page load ({@link ManagedProjects}: one SQL read per environment in the database mode; in the API mode
 * only the projects with live tokens in the registry, bounded, through a cache of a few minutes), so a PI whose access
 * ends stops seeing the tokens at once (database mode) or within minutes (API mode). The tokens are counted and paged
 * by the registry's database.
 */
@Service
class ManagedProjectTokens {

    private final ManagedProjects managed;
    private final TokenReports reports;
    private final FairUseCases cases;

    ManagedProjectTokens(ManagedProjects managed, TokenReports reports, FairUseCases cases) {
        this.managed = managed;
        this.reports = reports;
        this.cases = cases;
    }

    /** Empty for a viewer who manages no project. */
    Optional<PiView> of(Viewer viewer, DashboardFilter filter, int page, Instant now) {
        Map<RedcapEnvironment, List<Long>> projects = new EnumMap<>(RedcapEnvironment.class);
        try {
            for (RedcapEnvironment environment : RedcapEnvironment.values()) {
                projects.put(environment, managed.by(viewer.username(), environment,
                        () -> reports.projectsWithLiveTokens(environment, ManagedProjects.MAX_ASKED)));
            }
        } catch (RedcapException unanswered) {
            return Optional.of(PiView.unavailable("REDCap could not say which projects you manage just now; try again in a minute."));
        }
        List<String> names = new ArrayList<>();
        projects.forEach((environment, ids) -> ids.forEach(id -> names.add(environment.name() + " " + id)));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        TokenListName list = TokenListName.PI_TOKENS;
        List<IssuedToken> tokens = reports.onProjects(projects, page * list.pageSize, list.pageSize);
        Map<String, Long> open = cases.openConfirmedFindingsOf(tokens.stream().map(IssuedToken::id).toList(),
                now.minus(Duration.ofDays(FairUseBoard.FINDING_DAYS)));
        List<PiTokenRow> rows = tokens.stream().map(token -> PiTokenRow.of(token, open.getOrDefault(token.id(), 0L), viewer)).toList();
        return Optional.of(new PiView(names, TokenList.of(list, rows, reports.countOnProjects(projects), page, filter), null));
    }
}
