package org.tokengov.web;

import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.input.PlainText;
import org.tokengov.input.StrictJson;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.registry.TokenState;
import org.tokengov.web.ApiCaller.Caller;
import org.tokengov.web.ApiErrors.BadRequest;
import org.tokengov.web.ApiErrors.Conflict;
import org.tokengov.web.ApiErrors.Forbidden;
import org.tokengov.web.ApiErrors.NotFound;

/**
 * What people report about a token, each handed to the token's lifecycle: the holder or an administrator reports a
 * compromise; the holder reports a code change or that the token is no longer needed; the project's PI (a REDCap
 * user with full User Rights on the project) or an administrator reports that the holder left the project (an offboarding
 * for that project); an administrator suspends it for performance impact. Answers 202: the processes do the work,
 * retried if REDCap is down. Bodies are strict JSON: {@code {"reason": "…"}} where a reason is asked for, nothing (or
 * {@code {}}) elsewhere; anything else is refused with 400 before anything happens.
 */
@RestController
class TokenActionsController {

    record Reason(String reason) {
    }

    /** The body of a report that takes no details. */
    record NoDetails() {
    }

    record Accepted(String tokenId, String action) {
    }

    record LeftProject(String tokenId, String action, String offboardingId) {
    }

    static final String PI_REPORT = "PI_REPORT";

    static final int REASON_MAX = 2000;

    private final TokenRegistry registry;
    private final TokenLifecycles lifecycles;
    private final ProjectPis pis;
    private final TokenRequests requests;
    private final OffboardingEvents offboardings;
    private final ApiCaller callers;

    TokenActionsController(TokenRegistry registry, TokenLifecycles lifecycles, ProjectPis pis, TokenRequests requests,
            OffboardingEvents offboardings, ApiCaller callers) {
        this.registry = registry;
        this.lifecycles = lifecycles;
        this.pis = pis;
        this.requests = requests;
        this.offboardings = offboardings;
        this.callers = callers;
    }

    @PostMapping("/api/tokens/{tokenId}/compromised")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted compromised(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        noDetailsIn(body);
        Caller caller = callers.current();
        IssuedToken token = liveToken(tokenId);
        requireHolderOrAdmin(caller, token);
        lifecycles.reportCompromised(tokenId, caller.userId());
        return new Accepted(tokenId, "COMPROMISE_REPORTED");
    }

    @PostMapping("/api/tokens/{tokenId}/code-change")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted codeChange(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        Reason reason = reasonIn(body);
        Caller caller = callers.current();
        IssuedToken token = liveToken(tokenId);
        if (!caller.userId().equals(token.holder())) {
            throw new Forbidden("Only the holder reports a change of their code.");
        }
        lifecycles.reportCodeChange(tokenId, required(reason, "Describe the change"), caller.userId());
        return new Accepted(tokenId, "CODE_CHANGE_REPORTED");
    }

    @PostMapping("/api/tokens/{tokenId}/no-longer-needed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted noLongerNeeded(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        noDetailsIn(body);
        Caller caller = callers.current();
        IssuedToken token = liveToken(tokenId);
        requireHolderOrAdmin(caller, token);
        lifecycles.revoke(tokenId, RevocationReason.NO_LONGER_NEEDED, caller.userId());
        return new Accepted(tokenId, "REVOCATION_REQUESTED");
    }

    /**
     * Leaving a project ends every token of the person for it (PROD and the QA tokens requested for it) and their API
     * rights there: the same offboarding an HR system's {@code person.left_project} starts.
     */
    @PostMapping("/api/tokens/{tokenId}/left-project")
    @ResponseStatus(HttpStatus.ACCEPTED)
    LeftProject leftProject(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        noDetailsIn(body);
        Caller caller = callers.current();
        IssuedToken token = liveToken(tokenId);
        if (!caller.admin() && !pis.isPi(caller.userId(), token.environment(), token.projectId())) {
            throw new Forbidden("Only the project's PI (a user with full User Rights on the REDCap project) or a REDCap "
                    + "administrator reports that someone left the project.");
        }
        long productionProjectId = requests.find(Objects.toString(token.requestId(), ""))
                .map(TokenRequestRecord::productionProjectId).orElse(token.projectId());
        String offboardingId = offboardings.record(token.holder(), PI_REPORT, "reported by " + caller.userId(),
                OffboardingEvent.LEFT_PROJECT, productionProjectId, null);
        return new LeftProject(tokenId, "OFFBOARDING_STARTED", offboardingId);
    }

    @PostMapping("/api/tokens/{tokenId}/suspension")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted suspend(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        Reason reason = reasonIn(body);
        Caller caller = callers.current();
        IssuedToken token = liveToken(tokenId);
        if (!caller.admin()) {
            throw new Forbidden("Only REDCap administrators suspend tokens.");
        }
        if (token.state() == TokenState.SUSPENDED) {
            throw new Conflict("Token " + tokenId + " is already suspended.");
        }
        lifecycles.suspend(tokenId, required(reason, "Give the reason for the suspension"), caller.userId());
        return new Accepted(tokenId, "SUSPENSION_REQUESTED");
    }

    private IssuedToken liveToken(String tokenId) {
        if (!PlainText.isPlain(tokenId)) {
            throw new BadRequest("A token id has no control characters.");
        }
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new NotFound("No token " + tokenId + "."));
        if (!token.state().isLive()) {
            throw new Conflict("Token " + tokenId + " is " + token.state() + ": nothing more can happen to it.");
        }
        return token;
    }

    /** The reason in a body, null without a body (the caller's own check then asks for one). */
    private static Reason reasonIn(byte[] body) {
        return body == null || body.length == 0 ? null : read(body, Reason.class);
    }

    private static void noDetailsIn(byte[] body) {
        if (body != null && body.length > 0) {
            read(body, NoDetails.class);
        }
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return StrictJson.read(body, type);
        } catch (StrictJson.Unreadable e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static String required(Reason body, String what) {
        String given = body == null || body.reason() == null ? "" : body.reason();
        // Checked before trimming, which would quietly drop control characters at either end.
        String reason = given.trim();
        if (reason.isEmpty() || reason.length() > REASON_MAX || !PlainText.isPlain(given)) {
            throw new BadRequest(what + ": a JSON body {\"reason\": \"…\"} of 1 to " + REASON_MAX
                    + " characters on one line, without control characters.");
        }
        return reason;
    }

    private static void requireHolderOrAdmin(Caller caller, IssuedToken token) {
        if (!caller.admin() && !caller.userId().equals(token.holder())) {
            throw new Forbidden("Only the holder or a REDCap administrator may do this.");
        }
    }
}
