package org.tokengov.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * {@code GET /api/tokens}: REDCap administrators see every token, everyone else only their own. Filters by holder
 * (administrators) and state. Never shows a token value; the fingerprint is not shown either, as nobody needs it here.
 */
@RestController
class TokenRegistryController {

    record TokenView(String id, String holder, String environment, long projectId, boolean rightExport,
            boolean rightImport, boolean rightMobileApp, TokenState state, Instant issuedAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, String revocationReason) {

        static TokenView of(IssuedToken t) {
            return new TokenView(t.id(), t.holder(), t.environment().name(), t.projectId(), t.rightExport(), t.rightImport(),
                    t.rightMobileApp(), t.state(), t.issuedAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt(),
                    t.revocationReason());
        }
    }

    private final TokenRegistry registry;
    private final ApiCaller callers;

    TokenRegistryController(TokenRegistry registry, ApiCaller callers) {
        this.registry = registry;
        this.callers = callers;
    }

    @GetMapping("/api/tokens")
    List<TokenView> tokens(@RequestParam(required = false) String holder, @RequestParam(required = false) String state) {
        ApiCaller.Caller caller = callers.current();
        boolean admin = caller.admin();
        if (holder != null && !admin && !holder.equals(caller.userId())) {
            throw new ApiErrors.BadRequest("Only REDCap administrators may list other people's tokens.");
        }
        TokenState wanted = state == null ? null : parseState(state);
        List<IssuedToken> tokens = admin && holder == null ? registry.all() : registry.ofHolder(admin ? holder : caller.userId());
        return tokens.stream().filter(t -> wanted == null || t.state() == wanted).map(TokenView::of).toList();
    }

    private static TokenState parseState(String state) {
        try {
            return TokenState.valueOf(state.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.BadRequest("state must be one of " + Arrays.toString(TokenState.values()));
        }
    }
}
