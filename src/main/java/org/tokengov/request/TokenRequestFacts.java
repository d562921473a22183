package org.tokengov.request;

/** The parts of a request that eligibility depends on. */
record TokenRequestFacts(String requester, Long productionProjectId, Long qaProjectId, boolean fairUseAccepted) {
}
