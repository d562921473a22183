package org.tokengov.registry;

/**
 * Published (synchronously, in the closing transaction) when a token request is closed with an outcome: whoever
 * follows a request's end (e.g. REDCap's to-do row it answers) listens for this rather than for each place a request
 * can end.
 */
public record TokenRequestClosed(TokenRequestRecord request) {
}
