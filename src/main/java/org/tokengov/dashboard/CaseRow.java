package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.tokengov.fairuse.FairUseCase;

/** An open misuse case as a table row: its rule in words, whose token, and the holder's deadline (and if it passed). */
record CaseRow(String id, String rule, String holder, String tokenId, String environment, long projectId, String opened,
        String deadline, String deadlineIn, boolean overdue, String state) {

    static CaseRow of(FairUseCase open, Instant now) {
        boolean overdue = open.deadline() != null && open.deadline().isBefore(now);
        return new CaseRow(open.id(), Readable.rule(open.rule()), open.holder(), open.tokenId(), open.environment().name(),
                open.projectId(), Readable.minute(open.openedAt()), Readable.minute(open.deadline()),
                open.deadline() == null || overdue ? "" : Readable.duration(Duration.between(now, open.deadline())),
                overdue, Readable.words(open.state().name()));
    }
}
