package org.tokengov.dashboard;

import org.tokengov.registry.IssuedToken;

/**
 * A token on a project the viewer manages, as a row of "Tokens on your projects": whose, where, what it may do, its
 * dates, its open fair-use findings, and the address of the "left the project" report ({@code leftProjectLink}: only
 * for another person's live token).
 */
record PiTokenRow(String id, String holder, String environment, long projectId, String rights, String state,
        String stateName, String issued, String expires, String lastUsed, long openFindings, String leftProjectLink) {

    static PiTokenRow of(IssuedToken token, long openFindings, Viewer viewer) {
        boolean reportable = token.state().isLive() && !token.holder().equalsIgnoreCase(viewer.username());
        return new PiTokenRow(token.id(), token.holder(), token.environment().name(), token.projectId(),
                TokenRow.rights(token), Readable.tokenState(token.state()), token.state().name(),
                Readable.day(token.issuedAt()), Readable.day(token.expiresAt()), Readable.lastUse(token.lastUsedAt()),
                openFindings, reportable ? leftProjectLink(token.id()) : null);
    }

    /** The confirmation page of the report that the holder left the project (agreed with the token actions). */
    static String leftProjectLink(String tokenId) {
        return "/dashboard/tokens/" + tokenId + "/left-project";
    }
}
