package org.tokengov.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.input.StandardWebhookSignature;
import org.tokengov.input.StrictJson;

/**
 * {@code POST /api/usage-events}: a REDCap External Module or reverse proxy reports API calls with their parameters,
 * signed the Standard Webhooks way like the HR webhook (no login; the signature is the authentication). Refusals store
 * nothing: 503 without a secret, 401 unsigned, forged or stale, 400 a token-like value anywhere or a malformed call
 * (named by its place and id), 415 not JSON, 413 too large. An accepted delivery answers 202; a call id sent before is
 * not stored again. The signature is checked over the body's bytes as they arrived, before anything in it is read.
 */
@RestController
class UsageEventsController {

    static final String PATH = "/api/usage-events";
    private static final int STORE_ATTEMPTS = 3;

    private final ReportedCalls reportedCalls;
    private final UsageIntakeProperties properties;
    private final Clock clock;

    UsageEventsController(ReportedCalls reportedCalls, UsageIntakeProperties properties, Clock clock) {
        this.reportedCalls = reportedCalls;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(
            @RequestHeader(name = "webhook-id", required = false) String id,
            @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (!properties.configured()) {
            return refuse(HttpStatus.SERVICE_UNAVAILABLE,
                    "The usage-event intake is not configured (" + UsageIntakeProperties.SECRET_SETTING + ").");
        }
        byte[] payload = body == null ? new byte[0] : body;
        Instant now = clock.instant();
        Optional<StandardWebhookSignature.Refusal> refused = properties.signature().problem(id, timestamp, signature,
                payload, now);
        if (refused.isPresent()) {
            return refuse(refused.get().malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED,
                    refused.get().reason());
        }
        Optional<String> token = TokenLikeValues.where(payload);
        if (token.isPresent()) {
            return refuse(HttpStatus.BAD_REQUEST, token.get() + " looks like an API token (32 or 64 hexadecimal"
                    + " characters); never send tokens. Nothing of this delivery was stored.");
        }
        UsageEventDelivery delivery;
        try {
            delivery = StrictJson.read(payload, UsageEventDelivery.class);
        } catch (StrictJson.Unreadable e) {
            return refuse(HttpStatus.BAD_REQUEST, "The body is not a delivery of usage events. " + e.getMessage());
        }
        List<String> problems = delivery.problems(now, properties.intakeTolerance(), properties.intakeMaxCalls());
        if (!problems.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, String.join(" ", problems));
        }
        int stored = store(delivery.calls(), now);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", delivery.calls().size());
        if (stored >= 0) {
            answer.put("stored", stored);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /**
     * Another delivery may store some of the same ids while this one does: then nothing of this one was kept, and it is
     * stored again, skipping what the other stored. Calls go in in one order everywhere, so deliveries do not deadlock.
     */
    private int store(List<ReportedCall> calls, Instant now) {
        List<ReportedCall> ordered = calls.stream()
                .sorted(Comparator.comparing(ReportedCall::environment).thenComparing(ReportedCall::id)).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                return reportedCalls.store(ordered, now);
            } catch (DataIntegrityViolationException | ConcurrencyFailureException concurrentDelivery) {
                if (attempt == STORE_ATTEMPTS) {
                    throw concurrentDelivery;
                }
            }
        }
    }

    private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
