package org.tokengov.registry;

/** What a requester submitted, as the registry stores it; {@code requester} is the authenticated submitter. */
public record NewTokenRequest(
        String id,
        String requester,
        long productionProjectId,
        long qaProjectId,
        boolean rightExport,
        boolean rightImport,
        boolean rightMobileApp,
        String intendedUse,
        String usageDescription,
        String callSchedule,
        long expectedCallsPerDay,
        boolean fairUseAccepted) {
}
