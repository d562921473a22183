package org.tokengov.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.audit.AuditChain;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.audit.ChainHead;
import org.tokengov.audit.ChainVerification;
import org.tokengov.web.ApiErrors.BadRequest;
import org.tokengov.web.ApiErrors.Forbidden;

/**
 * {@code GET /api/audit?from=&to=&format=json|csv}: the audit trail of a time range, in id order, for REDCap
 * administrators to hand to auditors. A range with more than {@value #MAX_ROWS} entries is refused rather than
 * exported in part. {@code GET /api/audit/verify} recomputes the tamper-evident chain over the trail;
 * {@code GET /api/audit/head?on=YYYY-MM-DD} names its head at the end of a day (UTC), to be kept outside the database.
 */
@RestController
class AuditController {

    static final int MAX_ROWS = 100_000;

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditTrail auditTrail;
    private final AuditChain auditChain;
    private final ApiCaller callers;

    AuditController(AuditTrail auditTrail, AuditChain auditChain, ApiCaller callers) {
        this.auditTrail = auditTrail;
        this.auditChain = auditChain;
        this.callers = callers;
    }

    @GetMapping("/api/audit")
    ResponseEntity<?> audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "json") String format) {
        requireAdministrator();
        boolean csv = csv(format);
        TimeRange range = TimeRange.parse(from, to);
        // One row more than allowed tells an oversized range apart without reading all of it.
        List<AuditEntry> entries = auditTrail.between(range.from(), range.to(), MAX_ROWS + 1);
        if (entries.size() > MAX_ROWS) {
            throw new BadRequest("More than " + MAX_ROWS + " audit entries in this range: narrow it.");
        }
        if (!csv) {
            return ResponseEntity.ok(entries);
        }
        String fileName = "audit-" + range.label() + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(AuditCsv.of(entries));
    }

    /** {@code at}: a seal number whose recomputed hash to answer too, e.g. that of an anchored head. */
    @GetMapping("/api/audit/verify")
    ChainVerification verify(@RequestParam(required = false) String at) {
        requireAdministrator();
        return auditChain.verify(at == null ? null : sealNumber(at));
    }

    record DayHead(LocalDate on, String zone, boolean dayOver, long sealSeq, String hash, Instant sealedAt) {
    }

    /** The head as of the end of {@code on} in UTC; {@code dayOver} false: the day is not over and the head may move. */
    @GetMapping("/api/audit/head")
    DayHead head(@RequestParam(required = false) String on) {
        requireAdministrator();
        LocalDate day = day(on);
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ChainHead head = auditChain.headBefore(end);
        return new DayHead(day, "UTC", !end.isAfter(Instant.now()), head.sealSeq(), head.hash(), head.sealedAt());
    }

    private void requireAdministrator() {
        if (!callers.current().admin()) {
            throw new Forbidden("Only REDCap administrators read the audit trail.");
        }
    }

    private static LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            throw new BadRequest("on is required: a date like 2026-06-30 (the head as of the end of that day, UTC).");
        }
        try {
            return LocalDate.parse(on.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest("on must be a date like 2026-06-30 (the head as of the end of that day, UTC).");
        }
    }

    private static long sealNumber(String at) {
        try {
            long seal = Long.parseLong(at.trim());
            if (seal > 0) {
                return seal;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("at must be a seal number (1 or more), e.g. the sealSeq of an anchored head.");
    }

    private static boolean csv(String format) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new BadRequest("format must be json or csv.");
        };
    }
}
