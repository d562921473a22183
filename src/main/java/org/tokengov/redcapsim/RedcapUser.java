package org.tokengov.redcapsim;

/**
 * A row of {@code redcap_user_information}: a person REDCap knows, whatever their projects.
 *
 * @param uiId REDCap's key for the person, which to-do rows name
 * @param suspended {@code user_suspended_time} is set: the person cannot log in or use any token
 * @param hasSuperToken a super API token is on file (its value is never read out here)
 * @param apiTokenAutoRequest the person's token requests are approved at once under {@code auto_approve_selected}
 */
record RedcapUser(
        int uiId,
        String username,
        String email,
        String firstName,
        String lastName,
        boolean superUser,
        boolean suspended,
        boolean hasSuperToken,
        boolean apiTokenAutoRequest) {
}
