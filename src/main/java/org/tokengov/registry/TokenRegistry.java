package org.tokengov.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import java.util.Map;
import java.util.ArrayList;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.policy.PolicyProperties;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;

/** The tokens this system has issued, with their state and dates. */
@Service
public class TokenRegistry {

    private final IssuedTokenRepository tokens;
    private final PolicyProperties policy;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    TokenRegistry(IssuedTokenRepository tokens, PolicyProperties policy, Clock clock, JdbcTemplate jdbc) {
        this.tokens = tokens;
        this.jdbc = jdbc;
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

    /**
     * The holder's token on that project and environment that is not revoked or expired, if any: live, or found in
     * REDCap and not yet decided on (REDCap holds one token per user and project, so no second one may be issued).
     */
    public Optional<IssuedToken> liveToken(String holder, RedcapEnvironment environment, long projectId) {
        return tokens.findByHolderAndEnvironmentAndProjectIdAndStateIn(holder, environment, projectId,
                EnumSet.of(TokenState.QA_ACTIVE, TokenState.ACTIVE, TokenState.SUSPENDED, TokenState.FOUND)).stream()
                .findFirst();
    }

    /** The tokens on that project and environment that are not revoked or expired, whoever holds them. */
    public List<IssuedToken> liveTokensOn(RedcapEnvironment environment, long projectId) {
        return tokens.findByEnvironmentAndProjectIdAndStateIn(environment, projectId, TokenState.LIVE);
    }

    /** Every token that is not revoked or expired, whoever holds it and wherever. */
    public List<IssuedToken> live() {
        return tokens.findByStateIn(TokenState.LIVE);
    }

    /** Every token the registry knows in the environment, in any state: what reconciliation compares with REDCap. */
    public List<IssuedToken> inEnvironment(RedcapEnvironment environment) {
        return tokens.findByEnvironment(environment);
    }

    /** Every token the registry knows on the project, in any state, whoever holds them. */
    public List<IssuedToken> onProject(RedcapEnvironment environment, long projectId) {
        return tokens.findByEnvironmentAndProjectId(environment, projectId);
    }

    /** Every token the registry knows of the user on the project, in any state (usernames compare case-insensitively). */
    public List<IssuedToken> ofUserOn(RedcapEnvironment environment, long projectId, String username) {
        return tokens.findOfUserOn(environment.name(), projectId, username);
    }

    /**
     * The project's tokens that existed in REDCap at some moment of the day (UTC): registered before the day ended,
     * and not ended before it began (a token awaiting its deletion, or found and not decided on, counts as held).
     */
    public List<IssuedToken> heldOn(RedcapEnvironment environment, long projectId, LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return tokens.findHeldBetween(environment.name(), projectId, start, start.plus(Duration.ofDays(1)));
    }

    /**
     * A token reconciliation found in REDCap that this system did not issue ({@code projectId} 0 for a super token):
     * state {@link TokenState#FOUND}, no request, valid (should it be adopted) until {@code expiresAt}.
     */
    @Transactional
    public IssuedToken recordFound(RedcapEnvironment environment, long projectId, String holder, TokenRights rights,
            String fingerprint, Instant expiresAt) {
        return tokens.save(new IssuedToken(UUID.randomUUID().toString(), null, holder, environment, projectId,
                rights.export(), rights.importData(), rights.mobileApp(), TokenState.FOUND, clock.instant(), expiresAt, null,
                fingerprint, null, null, null));
    }

    /**
     * A found token taken in: it becomes a live token of its environment, valid until {@code expiresAt} (a grace
     * period, so its holder goes through renewal, attestation and review like everyone else).
     */
    @Transactional
    public IssuedToken adopt(String tokenId, Instant expiresAt) {
        IssuedToken token = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        if (token.state() != TokenState.FOUND) {
            throw new IllegalStateException("Token " + tokenId + " is " + token.state() + ", not found");
        }
        TokenState live = token.environment() == RedcapEnvironment.PROD ? TokenState.ACTIVE : TokenState.QA_ACTIVE;
        return tokens.save(with(token, live, expiresAt, token.fingerprint(), null, null));
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

    /** Records that the token was revoked in REDCap now; revoking twice keeps the first revocation. */
    @Transactional
    public IssuedToken markRevoked(String tokenId, String reason) {
        return markRevoked(tokenId, reason, clock.instant());
    }

    /**
     * Records that REDCap revoked the token at {@code revokedAt} (its own time for it, e.g. its log's: a step retried
     * after a crash records when REDCap acted, not when the retry ran); revoking twice keeps the first revocation.
     */
    @Transactional
    public IssuedToken markRevoked(String tokenId, String reason, Instant revokedAt) {
        IssuedToken token = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        return token.state().inRedcap() ? tokens.save(with(token, TokenState.REVOKED, token.expiresAt(), token.fingerprint(),
                revokedAt, reason)) : token;
    }

    /**
     * The token's deletion was asked of REDCap's administrators (the manual mode, where only the Control Center can
     * delete it): {@link TokenState#REVOCATION_PENDING} with its reason, until REDCap's log confirms the deletion. A
     * token already pending or ended is left as it is.
     */
    @Transactional
    public IssuedToken markRevocationPending(String tokenId, String reason) {
        IssuedToken token = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        return token.state().stillToRevoke() ? tokens.save(with(token,
                TokenState.REVOCATION_PENDING, token.expiresAt(), token.fingerprint(), null, reason)) : token;
    }

    /**
     * REDCap confirmed the deletion of a pending token: revoked, or expired when that was the reason; any other state
     * is left as it is.
     */
    @Transactional
    public IssuedToken confirmRevocation(String tokenId) {
        return confirmRevocation(tokenId, clock.instant());
    }

    /** {@link #confirmRevocation(String)}, REDCap having deleted the token at {@code deletedAt} (its log's time). */
    @Transactional
    public IssuedToken confirmRevocation(String tokenId, Instant deletedAt) {
        IssuedToken token = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        if (token.state() != TokenState.REVOCATION_PENDING) {
            return token;
        }
        TokenState ended = "EXPIRED".equals(token.revocationReason()) ? TokenState.EXPIRED : TokenState.REVOKED;
        return tokens.save(with(token, ended, token.expiresAt(), token.fingerprint(), deletedAt,
                token.revocationReason()));
    }

    /** The holder confirmed the token is still needed: it is valid for another policy period from its current expiry. */
    @Transactional
    public IssuedToken extend(String tokenId) {
        IssuedToken token = live(tokenId);
        Instant expiresAt = token.expiresAt().atZone(ZoneOffset.UTC).plus(policy.tokenValidity()).toInstant();
        return tokens.save(with(token, token.state(), expiresAt, token.fingerprint(), null, null));
    }

    /** API rights removed for performance impact; the token stays in REDCap and can be reinstated. */
    @Transactional
    public IssuedToken markSuspended(String tokenId) {
        IssuedToken token = live(tokenId);
        return tokens.save(with(token, TokenState.SUSPENDED, token.expiresAt(), token.fingerprint(), null, null));
    }

    /** Rights restored after the fix was re-tested, reviewed and approved. */
    @Transactional
    public IssuedToken markReinstated(String tokenId) {
        IssuedToken token = live(tokenId);
        TokenState active = token.environment() == RedcapEnvironment.PROD ? TokenState.ACTIVE : TokenState.QA_ACTIVE;
        return tokens.save(with(token, active, token.expiresAt(), token.fingerprint(), null, null));
    }

    /** Nobody confirmed the renewal in time; the token was removed from REDCap. */
    @Transactional
    public IssuedToken markExpired(String tokenId) {
        return markExpired(tokenId, clock.instant());
    }

    /** {@link #markExpired(String)}, REDCap having removed the token at {@code removedAt}. */
    @Transactional
    public IssuedToken markExpired(String tokenId, Instant removedAt) {
        IssuedToken token = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        return token.state().isLive() ? tokens.save(with(token, TokenState.EXPIRED, token.expiresAt(), token.fingerprint(),
                removedAt, "EXPIRED")) : token;
    }

    /** A token made by hand (registered without a fingerprint) now has one, read from REDCap's database. */
    @Transactional
    public IssuedToken learnFingerprint(String tokenId, String fingerprint) {
        IssuedToken token = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        return token.fingerprint() == null ? tokens.save(with(token, token.state(), token.expiresAt(), fingerprint,
                token.revokedAt(), token.revocationReason())) : token;
    }

    /** REDCap holds a new value for the token (after a compromise, or regenerated outside); the old one is dead. */
    @Transactional
    public IssuedToken recordRegenerated(String tokenId, String fingerprint) {
        IssuedToken token = tokens.findById(tokenId).filter(known -> known.state().inRedcap())
                .orElseThrow(() -> new IllegalStateException("Token " + tokenId + " is not in REDCap"));
        return tokens.save(with(token, token.state(), token.expiresAt(), fingerprint, null, null));
    }

    /**
     * Records the last uses of many tokens in one batch, each only if later than what is recorded. The version goes up
     * as a save's would, so a concurrent save of the same token still fails on its stale version instead of undoing
     * this.
     */
    @Transactional
    public void recordLastUses(Map<String, Instant> lastUseByToken) {
        if (lastUseByToken.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        lastUseByToken.forEach((tokenId, at) -> rows.add(new Object[] {Timestamp.from(at), tokenId, Timestamp.from(at)}));
        jdbc.batchUpdate("update api_token set last_used_at = ?, version = version + 1 where id = ?"
                + " and (last_used_at is null or last_used_at < ?)", rows);
    }

    @Transactional
    public void recordLastUse(String tokenId, Instant lastUsedAt) {
        IssuedToken t = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        tokens.save(new IssuedToken(t.id(), t.requestId(), t.holder(), t.environment(), t.projectId(), t.rightExport(),
                t.rightImport(), t.rightMobileApp(), t.state(), t.issuedAt(), t.expiresAt(), lastUsedAt, t.fingerprint(),
                t.revokedAt(), t.revocationReason(), t.version()));
    }

    private IssuedToken live(String tokenId) {
        IssuedToken token = tokens.findById(tokenId).orElseThrow(() -> unknown(tokenId));
        if (!token.state().isLive()) {
            throw new IllegalStateException("Token " + tokenId + " is " + token.state());
        }
        return token;
    }

    private static IssuedToken with(IssuedToken t, TokenState state, Instant expiresAt, String fingerprint,
            Instant revokedAt, String reason) {
        return new IssuedToken(t.id(), t.requestId(), t.holder(), t.environment(), t.projectId(), t.rightExport(),
                t.rightImport(), t.rightMobileApp(), state, t.issuedAt(), expiresAt, t.lastUsedAt(), fingerprint,
                revokedAt, reason, t.version());
    }

    private static IllegalStateException unknown(String tokenId) {
        return new IllegalStateException("Unknown token " + tokenId);
    }

    public Optional<IssuedToken> find(String tokenId) {
        return tokens.findById(tokenId);
    }

    public List<IssuedToken> ofRequest(String requestId) {
        return tokens.findByRequestId(requestId);
    }

    public List<IssuedToken> all() {
        return tokens.findAll();
    }

    /** The tokens whose value has that fingerprint, in any state (an old value stays on a revoked token's entry). */
    public List<IssuedToken> withFingerprint(TokenFingerprint fingerprint) {
        return tokens.findByFingerprint(fingerprint.sha256Hex());
    }

    public List<IssuedToken> ofHolder(String holder) {
        return tokens.findByHolder(holder);
    }
}
