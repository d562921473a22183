package org.tokengov.dashboard;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.registry.TokenSelection;
import org.tokengov.requeststate.RequestProgress;
import org.tokengov.requeststate.RequestProgresses;

/**
 * The one place that decides whose records a viewer gets: administrators everyone's, anyone else only their own, so
 * no filter value and no export can reach another person's token or request. Asking for another holder without
 * being an administrator is refused rather than quietly answered with one's own records.
 */
@Component
class VisibleRecords {

    private final TokenRequests requests;
    private final RequestProgresses progresses;

    VisibleRecords(TokenRequests requests, RequestProgresses progresses) {
        this.requests = requests;
        this.progresses = progresses;
    }

    /** The tokens the viewer may see that match the filter, for the registry to count and list. */
    TokenSelection tokens(Viewer viewer, DashboardFilter filter) {
        return TokenSelection.of(scope(viewer, filter), filter.environment(), filter.projectId(), filter.state());
    }

    /** The open requests (few, whatever the history's length), newest submission first. */
    List<TokenRequestRecord> openRequests(Viewer viewer, DashboardFilter filter) {
        return requests.open(scope(viewer, filter)).stream().filter(filter::admits).toList();
    }

    /** The newest {@code limit} requests that ended without a token at {@code from} or later, newest end first. */
    List<RequestProgress> endedRequests(Viewer viewer, DashboardFilter filter, Instant from, int limit) {
        String person = scope(viewer, filter);
        return progresses.endedWithoutTokenSince(person == null ? viewer.username() : person, person == null, from, limit)
                .stream()
                .filter(request -> filter.projectId() == null || request.productionProjectId() == filter.projectId()
                        || request.qaProjectId() == filter.projectId())
                .toList();
    }

    /** The requests submitted at {@code from} or later, for the per-month chart: not the whole history. */
    List<TokenRequestRecord> requestsSince(Viewer viewer, DashboardFilter filter, Instant from) {
        return requests.submittedSince(scope(viewer, filter), from).stream().filter(filter::admits).toList();
    }

    /**
     * Whose usage, findings and misuse cases the viewer gets: one person, or null for everyone's (administrators
     * without a holder filter). Refused as the token lists are.
     */
    String person(Viewer viewer, DashboardFilter filter) {
        return scope(viewer, filter);
    }

    /** The one person whose records to read, or null for everyone's (administrators without a holder filter). */
    private static String scope(Viewer viewer, DashboardFilter filter) {
        if (viewer.admin()) {
            return filter.holder();
        }
        if (filter.holder() != null && !filter.holder().equals(viewer.username())) {
            throw new DashboardFilter.Invalid("Only REDCap administrators can look at other people's tokens and requests.");
        }
        return viewer.username();
    }
}
