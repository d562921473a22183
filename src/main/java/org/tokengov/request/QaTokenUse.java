package org.tokengov.request;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tokengov.ledger.RequestCase;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.usage.TokenUsage;
import org.tokengov.usage.UsageSummary;

/**
 * What REDCap logged of a request's QA token, read from REDCap's log now (not from the last collection run): the
 * evidence the code review shows and the QA test's completion requires. The token and the project come from the
 * registry and the request's ledger record, never from a variable. A request whose requester already held a live QA
 * token on the project kept it (no new one was issued): its use counts from the request's submission on.
 */
@Service
class QaTokenUse {

    private static final Logger log = LoggerFactory.getLogger(QaTokenUse.class);

    /** The request's QA token and its use since its issue (or the request's submission, if later). */
    record Observed(IssuedToken token, UsageSummary summary, boolean logRead) {

        boolean used() {
            return summary.used();
        }

        /** For a form: which token, and what REDCap logged of it. */
        String describe() {
            return "QA token on project " + token.projectId() + ": " + summary.describe()
                    + (logRead ? "" : " (REDCap's log could not be read just now: counted up to its last reading.)");
        }
    }

    private final TokenRegistry registry;
    private final RedcapLogReader logReader;
    private final TokenUsage usage;
    private final Clock clock;

    QaTokenUse(TokenRegistry registry, RedcapLogReader logReader, TokenUsage usage, Clock clock) {
        this.registry = registry;
        this.logReader = logReader;
        this.usage = usage;
        this.clock = clock;
    }

    /** Catches up with the QA project's log, then counts; empty when the request has no QA token in the registry. */
    Optional<Observed> observe(RequestCase request) {
        Optional<TokenRequestRecord> submission = request.submission();
        Optional<IssuedToken> token = submission.flatMap(submitted -> qaTokenOf(request.requestId(), submitted));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        boolean read = catchUp(token.get());
        Instant since = submission.get().submittedAt() == null ? Instant.EPOCH : submission.get().submittedAt();
        return Optional.of(new Observed(token.get(), usage.summary(token.get(), since, clock.instant()), read));
    }

    /** The QA token issued for this request, newest first; else the requester's live one on the QA project, kept. */
    private Optional<IssuedToken> qaTokenOf(String requestId, TokenRequestRecord submission) {
        Optional<IssuedToken> issued = registry.ofRequest(requestId).stream()
                .filter(token -> token.environment() == RedcapEnvironment.QA && token.issuedAt() != null)
                .max(Comparator.comparing(IssuedToken::issuedAt));
        return issued.isPresent() ? issued
                : registry.liveToken(submission.requester(), RedcapEnvironment.QA, submission.qaProjectId());
    }

    /** An unreadable log (REDCap down, its rate budget spent) leaves the counts of the last reading. */
    private boolean catchUp(IssuedToken token) {
        try {
            logReader.catchUp(token.environment(), token.projectId());
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not catch up with REDCap {} project {}'s log for a QA token's use: {}", token.environment(),
                    token.projectId(), e.toString());
            return false;
        }
    }
}
