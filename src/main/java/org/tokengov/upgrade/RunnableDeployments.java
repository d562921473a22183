package org.tokengov.upgrade;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The rules of a rolling upgrade, for a node that starts: whether it deploys its diagrams, and which deployments' jobs
 * it may run. A node whose diagrams equal the latest of the app's deployments (a restart) or are not deployed yet (a
 * new release) runs the jobs of every deployment, as processes outlive deployments. A node whose diagrams equal an
 * earlier app deployment is of an older release while a newer one runs (a rollout under way, or it crashed during
 * one): it deploys nothing, which would make its diagrams the latest again, and runs only the jobs of its own
 * deployment and those before it, never those of diagrams that may call beans it lacks.
 */
final class RunnableDeployments {

    enum Kind {
        /** This node's diagrams are deployed by no one yet: it deploys them. */
        NEW,
        /** This node's diagrams are the latest deployed: nothing to deploy. */
        UNCHANGED,
        /** This node's diagrams equal an earlier deployment, a newer one exists: an older release. */
        OLDER
    }

    /**
     * A deployment found at the start; {@code diagrams} is null unless it is one of the app's own deployments (others
     * were made by hand or by tests), and is read only when needed.
     */
    record Found(String id, Instant deployedAt, Supplier<SortedMap<String, String>> diagrams) {

        boolean ofTheApp() {
            return diagrams != null;
        }
    }

    /**
     * @param own the deployment holding this node's diagrams; null when they are to be deployed
     * @param latest the app's latest deployment; null when there is none
     * @param runnable the deployments whose jobs this node runs (for {@link Kind#NEW}, besides the one it makes)
     */
    record Choice(Kind kind, Found own, Found latest, List<String> runnable) {
    }

    private RunnableDeployments() {
    }

    /**
     * @param diagrams this node's diagrams ({@link DiagramResource#fingerprint})
     * @param found every deployment, oldest first
     */
    static Choice choose(SortedMap<String, String> diagrams, List<Found> found) {
        List<Found> ofTheApp = found.stream().filter(Found::ofTheApp).toList();
        Found latest = ofTheApp.isEmpty() ? null : ofTheApp.get(ofTheApp.size() - 1);
        Found own = null;
        for (int i = ofTheApp.size() - 1; i >= 0 && own == null; i--) {
            if (ofTheApp.get(i).diagrams().get().equals(diagrams)) {
                own = ofTheApp.get(i);
            }
        }
        List<String> all = found.stream().map(Found::id).toList();
        if (own == null) {
            return new Choice(Kind.NEW, null, latest, all);
        }
        if (own == latest) {
            return new Choice(Kind.UNCHANGED, own, latest, all);
        }
        return new Choice(Kind.OLDER, own, latest, all.subList(0, found.indexOf(own) + 1));
    }
}
