package org.tokengov.fairuse;

import java.time.Instant;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.usage.FairUseRule;

/**
 * A misuse case: one token, one rule, opened by a confirmed finding (later findings of the same token and rule join it
 * while it is open).
 *
 * @param deadline by when the holder confirms a fix
 * @param decidedBy who closed it: the holder who confirmed a fix, or the administrator who decided
 * @param adminsFirst whether it went to the administrators at once (a severe finding, or a repeat)
 * @param decision the administrators' decision, null until they decided
 * @param findingId the finding that opened it
 * @param fixDescribed what the holder said they changed, null unless they confirmed a fix
 * @param comments the deciding administrator's comments, null until they decided
 */
public record FairUseCase(String id, String tokenId, FairUseRule rule, String holder, RedcapEnvironment environment,
        long projectId, FairUseCaseState state, Instant openedAt, Instant deadline, Instant closedAt, String decidedBy,
        boolean adminsFirst, FairUseDecision decision, String findingId, String fixDescribed, String comments) {

    /** The token in words, as mails and tasks name it: "PROD API token on REDCap project 101". */
    public String tokenInWords() {
        return environment + " API token on REDCap project " + projectId;
    }
}
