package org.tokengov.redcap;

/** How tokens are created on a REDCap server, chosen per environment. */
public enum TokenAdministrationMode {
    /** SQL on REDCap's own schema, as institutions' admin tools do. */
    DATABASE,
    /** A REDCap administrator creates the token in the Control Center; the system verifies the rights. */
    MANUAL
}
