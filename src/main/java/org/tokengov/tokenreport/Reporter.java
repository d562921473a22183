package org.tokengov.tokenreport;

/** Who reports: the authenticated user, and whether they administer REDCap. Never taken from a request's fields. */
public record Reporter(String userId, boolean admin) {
}
