package org.tokengov.accessreview;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/** The multi-instance collection of the review: every project with at least one live token, as keys. */
@Component("accessReviewProjects")
public class AccessReviewProjects {

    private final TokenRegistry registry;

    AccessReviewProjects(TokenRegistry registry) {
        this.registry = registry;
    }

    /** Keys such as {@code PROD:101}, QA and PROD alike, ordered by environment and project id. */
    public List<String> withLiveTokens() {
        return registry.all().stream()
                .filter(token -> token.state().isLive())
                .map(AccessReviewProjects::projectOf)
                .distinct()
                .sorted(Comparator.comparing(ReviewedProject::environment).thenComparingLong(ReviewedProject::projectId))
                .map(ReviewedProject::key)
                .toList();
    }

    private static ReviewedProject projectOf(IssuedToken token) {
        return new ReviewedProject(token.environment(), token.projectId());
    }
}
