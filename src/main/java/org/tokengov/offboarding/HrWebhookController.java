package org.tokengov.offboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
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

/**
 * {@code POST /api/hr/events}: HR systems report departures, signed the Standard Webhooks way. Refused deliveries
 * (401 unsigned or forged or stale, 400 malformed, 415 not JSON) store nothing; an accepted one answers 202 with the
 * offboarding id, and the same {@code webhook-id} always gets the same answer.
 */
@RestController
class HrWebhookController {

    private final ObjectMapper strictJson = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
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
            @RequestBody(required = false) String body) {
        if (properties.webhookSecret() == null || properties.webhookSecret().isBlank()) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE,
                    Map.of("error", "The HR webhook is not configured (tokengov.hr.webhook-secret)."));
        }
        String payload = body == null ? "" : body;
        Optional<String> forged = new StandardWebhookSignature(properties.webhookSecret(), properties.webhookTolerance())
                .problem(id, timestamp, signature, payload, clock.instant());
        if (forged.isPresent()) {
            return answer(HttpStatus.UNAUTHORIZED, Map.of("error", forged.get()));
        }
        HrEvent event;
        try {
            event = strictJson.readValue(payload, HrEvent.class);
        } catch (JsonProcessingException e) {
            return answer(HttpStatus.BAD_REQUEST, Map.of("error", "The body is not an HR event: " + e.getOriginalMessage()));
        }
        List<String> problems = event.problems();
        if (!problems.isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, Map.of("error", String.join(" ", problems)));
        }
        String offboardingId;
        try {
            offboardingId = intake.accept(id, event);
        } catch (DuplicateKeyException concurrentDelivery) {
            offboardingId = intake.earlierAnswer(id).orElseThrow(() -> concurrentDelivery);
        }
        return answer(HttpStatus.ACCEPTED, Map.of("offboardingId", offboardingId));
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
