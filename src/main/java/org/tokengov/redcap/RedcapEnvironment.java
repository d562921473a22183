package org.tokengov.redcap;

/** The two REDCap servers a token can live on. A token of one is never valid on the other. */
public enum RedcapEnvironment {
    QA,
    PROD
}
