package org.tokengov.dashboard;

/** The filter fields as the visitor typed them, shown back in the form, also when they did not parse. */
record DashboardFilterForm(String environment, String state, String project, String holder) {
}
