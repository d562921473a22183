package org.tokengov.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcaplog.RedcapTokenEvents;
import org.tokengov.redcaplog.TokenEventInRedcap;
import org.tokengov.redcaplog.TokenEventKind;

/**
 * The token events a log reader would have kept, as tests tell them: stands in for the one log reader until it is
 * deployed, behind the same contract (ids increase in the order events were read; {@code about} includes events whose
 * user the log does not name).
 */
public class InMemoryRedcapTokenEvents implements RedcapTokenEvents {

    private final List<TokenEventInRedcap> events = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** An event as REDCap's log shows it; {@code username} null when the row does not name whose token it was. */
    public TokenEventInRedcap read(RedcapEnvironment environment, long projectId, String username, String actor,
            TokenEventKind kind, Instant at) {
        TokenEventInRedcap event = new TokenEventInRedcap(ids.incrementAndGet(), environment, projectId, username, actor,
                kind, at);
        events.add(event);
        return event;
    }

    @Override
    public List<TokenEventInRedcap> after(RedcapEnvironment environment, long afterId) {
        return events.stream().filter(event -> event.environment() == environment && event.id() > afterId).toList();
    }

    @Override
    public List<TokenEventInRedcap> about(RedcapEnvironment environment, long projectId, String username, long afterId) {
        return after(environment, afterId).stream().filter(event -> event.projectId() == projectId)
                .filter(event -> event.username() == null || event.username().equalsIgnoreCase(username)).toList();
    }
}
