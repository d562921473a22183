package org.tokengov.offboarding;

import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenHolders;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * Which tokens an offboarding revokes, fixed when the event takes effect and kept as evidence: every live token of
 * a person who left the organisation, in QA and PROD; for a person who left a project, the tokens on that project
 * and the QA tokens of requests made for it. The process revokes each of {@link #tokenIds}.
 *
 * <p>The person is locked first (see {@link TokenHolders}), and a termination is recorded as their departure under
 * that lock: an issuance of theirs that is writing makes this wait until its token is in the registry (and so in
 * scope); one that comes after reads the departure and writes nothing.
 */
@Service("offboardingScope")
public class OffboardingScope {

    private final JdbcClient jdbc;
    private final TokenRegistry registry;
    private final TokenRequests requests;
    private final TokenHolders holders;

    OffboardingScope(JdbcClient jdbc, TokenRegistry registry, TokenRequests requests, TokenHolders holders) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.requests = requests;
        this.holders = holders;
    }

    /** Records the tokens in scope (once: a retried step finds them recorded) and returns how many there are. */
    @Transactional
    int collect(OffboardingEvent event) {
        holders.lock(event.username());
        if (OffboardingEvent.TERMINATED.equals(event.type())) {
            holders.recordDeparture(event.username(), event.id(), event.effectiveAt());
        }
        for (IssuedToken token : registry.ofHolder(event.username())) {
            if (token.state().inRedcap() && inScope(token, event) && !recorded(event.id(), token.id())) {
                jdbc.sql("insert into offboarding_revocation (event_id, token_id, environment, project_id) values (?, ?, ?, ?)")
                        .params(event.id(), token.id(), token.environment().name(), token.projectId())
                        .update();
            }
        }
        return tokenIds(event.id()).size();
    }

    /** The tokens the offboarding revokes; also the multi-instance collection of earlier releases' diagram. */
    public List<String> tokenIds(String eventId) {
        return jdbc.sql("select token_id from offboarding_revocation where event_id = ? order by token_id")
                .param(eventId).query(String.class).list();
    }

    private boolean inScope(IssuedToken token, OffboardingEvent event) {
        if (!OffboardingEvent.LEFT_PROJECT.equals(event.type())) {
            return true;
        }
        return token.projectId() == event.projectId() || requests.find(Objects.toString(token.requestId(), ""))
                .map(TokenRequestRecord::productionProjectId)
                .filter(production -> production.equals(event.projectId()))
                .isPresent();
    }

    private boolean recorded(String eventId, String tokenId) {
        return jdbc.sql("select count(*) from offboarding_revocation where event_id = ? and token_id = ?")
                .params(eventId, tokenId).query(Long.class).single() > 0;
    }
}
