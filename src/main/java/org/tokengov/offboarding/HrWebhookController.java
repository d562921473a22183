package org.tokengov.offboarding;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
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
 * {@code POST /api/hr/events}: HR systems report departures, signed the Standard Webhooks way. Refused deliveries
 * (401 unsigned, forged or stale; 400 malformed headers or body; 409 a {@code webhook-id} reused for another body;
 * 415 not JSON) store nothing; an accepted one answers 202 with the offboarding id, and the same {@code webhook-id}
 * with the same body always gets the same answer. The signature is checked over the body's bytes as they arrived,
 * before anything in it is read.
 */
@RestController
class HrWebhookController {

    private final HrEventIntake intake;
    private final HrWebhookProperties properties;
    private final Clock clock;

    HrWebhookController(HrEventIntake intake, HrWebhookProperties properties, Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/api/hr/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(
            @RequestHeader(name = "webhook-id", required = false) String id,
            @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (!properties.configured()) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "The HR webhook is not configured (tokengov.hr.webhook-secret).");
        }
        byte[] payload = body == null ? new byte[0] : body;
        Instant now = clock.instant();
        Optional<StandardWebhookSignature.Refusal> refused =
                new StandardWebhookSignature(HrWebhookProperties.SECRET_SETTING, properties.webhookSecret(),
                        properties.webhookTolerance())
                        .problem(id, timestamp, signature, payload, now);
        if (refused.isPresent()) {
            return answer(refused.get().malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED, refused.get().reason());
        }
        HrEvent event;
        try {
            event = StrictJson.read(payload, HrEvent.class);
        } catch (StrictJson.Unreadable e) {
            return answer(HttpStatus.BAD_REQUEST, "The body is not an HR event. " + e.getMessage());
        }
        List<String> problems = event.problems(now);
        if (!problems.isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, String.join(" ", problems));
        }
        String digest = sha256(payload);
        String offboardingId;
        try {
            try {
                offboardingId = intake.accept(id, digest, event);
            } catch (DuplicateKeyException concurrentDelivery) {
                offboardingId = intake.earlierAnswer(id, digest).orElseThrow(() -> concurrentDelivery);
            }
        } catch (HrEventIntake.ReusedWebhookId e) {
            return answer(HttpStatus.CONFLICT, e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("offboardingId", offboardingId));
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
