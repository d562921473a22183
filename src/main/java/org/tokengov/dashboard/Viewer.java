package org.tokengov.dashboard;

import java.util.List;

/**
 * The logged-in person looking at the dashboard, with their groups (for the engine's task permissions); administrators
 * see everyone's tokens.
 */
record Viewer(String username, boolean admin, List<String> groups) {

    Viewer {
        groups = List.copyOf(groups);
    }
}
