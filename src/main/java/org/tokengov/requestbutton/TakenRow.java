package org.tokengov.requestbutton;

import org.tokengov.redcap.RedcapEnvironment;

/**
 * A request button's to-do row as this system took it in: who asked (by REDCap's {@code request_from}; null if REDCap
 * did not know them) for which project on which server, the {@code RequestButtonProcess} it became and the token
 * request that answered it.
 */
record TakenRow(RedcapEnvironment environment, long todoRequestId, long projectId, String requester,
        String processInstanceId, String tokenRequestId) {
}
