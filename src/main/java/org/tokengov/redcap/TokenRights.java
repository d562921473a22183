package org.tokengov.redcap;

/** The API rights a token carries on its project: REDCap's api_export, api_import and mobile_app flags. */
public record TokenRights(boolean export, boolean importData, boolean mobileApp) {

    public boolean any() {
        return export || importData || mobileApp;
    }
}
