package org.tokengov.redcap;

/**
 * REDCap refused to change a user's rights through the API because the user is in a user role (api_112): only
 * someone on REDCap's User Rights page (or in the Control Center) can. Retrying never helps.
 */
public class RedcapRoleMemberException extends RedcapRequestRejectedException {

    /** REDCap's own words (English.ini api_112), which identify this refusal. */
    static final String REDCAP_TEXT = "belongs to a user role";

    public RedcapRoleMemberException(String message) {
        super(message);
    }
}
