package org.tokengov.dashboard;

/** The logged-in person looking at the dashboard; administrators see everyone's tokens. */
record Viewer(String username, boolean admin) {
}
