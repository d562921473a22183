package org.tokengov.issuance;

import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenRights;

/** What may be created in REDCap for a request, exactly as the ledger filed it: whose, where, with which rights. */
record IssuanceOrder(String requestId, String holder, RedcapEnvironment environment, long projectId, TokenRights rights) {

    String describe() {
        return "a " + environment + " API token on REDCap project " + projectId;
    }
}
