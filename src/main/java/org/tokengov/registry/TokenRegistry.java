package org.tokengov.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.policy.PolicyProperties;
import org.tokengov.redcap.RedcapEnvironment;

/** The tokens this system has issued, with their state and dates. */
@Service
public class TokenRegistry {

    private final IssuedTokenRepository tokens;
    private final PolicyProperties policy;
    private final Clock clock;

    TokenRegistry(IssuedTokenRepository tokens, PolicyProperties policy, Clock clock) {
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    /** Records a newly issued token, valid for the policy's token validity from now. */
    @Transactional
    public IssuedToken recordIssued(NewIssuedToken issued) {
        Instant now = clock.instant();
        Instant expiresAt = now.atZone(ZoneOffset.UTC).plus(policy.tokenValidity()).toInstant();
        TokenState state = issued.environment() == RedcapEnvironment.PROD ? TokenState.ACTIVE : TokenState.QA_ACTIVE;
        return tokens.save(new IssuedToken(UUID.randomUUID().toString(), issued.requestId(), issued.holder(),
                issued.environment(), issued.projectId(), issued.rights().export(), issued.rights().importData(),
                issued.rights().mobileApp(), state, now, expiresAt, null,
                issued.fingerprint() == null ? null : issued.fingerprint().sha256Hex(), null, null, null));
    }

    /** The holder's token on that project and environment that is not revoked or expired, if any. */
    public Optional<IssuedToken> liveToken(String holder, RedcapEnvironment environment, long projectId) {
        return tokens.findByHolderAndEnvironmentAndProjectIdAndStateIn(holder, environment, projectId,
                EnumSet.of(TokenState.QA_ACTIVE, TokenState.ACTIVE, TokenState.SUSPENDED)).stream().findFirst();
    }

    /** Everyone who holds at least one token that is not revoked or expired. */
    public List<String> liveHolders() {
        return tokens.findLiveHolders();
    }

    /** The latest issue date among the holder's live tokens, if they have any. */
    public Optional<Instant> latestLiveIssue(String holder) {
        return tokens.findByHolder(holder).stream().filter(token -> token.state().isLive())
                .map(IssuedToken::issuedAt).max(Instant::compareTo);
    }

    /** Whether the holder still has a token in the environment that is not revoked or expired. */
    public boolean hasLiveToken(String holder, RedcapEnvironment environment) {
        return tokens.findByHolder(holder).stream()
                .anyMatch(token -> token.environment() == environment && token.state().isLive());
    }

    /** Records that the token was revoked in REDCap; revoking twice keeps the first revocation. */
    @Transactional
    public IssuedToken markRevoked(String tokenId, String reason) {
        IssuedToken token = tokens.findById(tokenId)
                .orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        if (!token.state().isLive()) {
            return token;
        }
        return tokens.save(new IssuedToken(token.id(), token.requestId(), token.holder(), token.environment(),
                token.projectId(), token.rightExport(), token.rightImport(), token.rightMobileApp(), TokenState.REVOKED,
                token.issuedAt(), token.expiresAt(), token.lastUsedAt(), token.fingerprint(), clock.instant(), reason,
                token.version()));
    }

    public Optional<IssuedToken> find(String tokenId) {
        return tokens.findById(tokenId);
    }

    public List<IssuedToken> ofRequest(String requestId) {
        return tokens.findByRequestId(requestId);
    }

    public List<IssuedToken> ofHolder(String holder) {
        return tokens.findByHolder(holder);
    }
}
