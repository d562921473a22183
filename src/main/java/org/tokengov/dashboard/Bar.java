package org.tokengov.dashboard;

/** One bar of a chart: its label under the axis and its count. */
record Bar(String label, long value) {
}
