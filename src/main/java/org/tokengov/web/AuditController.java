package org.tokengov.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.web.ApiErrors.BadRequest;
import org.tokengov.web.ApiErrors.Forbidden;

/**
 * {@code GET /api/audit?from=&to=&format=json|csv}: the audit trail of a time range, in id order, for REDCap
 * administrators to hand to auditors. A range with more than {@value #MAX_ROWS} entries is refused rather than
 * exported in part.
 */
@RestController
class AuditController {

    static final int MAX_ROWS = 100_000;

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditTrail auditTrail;
    private final ApiCaller callers;

    AuditController(AuditTrail auditTrail, ApiCaller callers) {
        this.auditTrail = auditTrail;
        this.callers = callers;
    }

    @GetMapping("/api/audit")
    ResponseEntity<?> audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "json") String format) {
        if (!callers.current().admin()) {
            throw new Forbidden("Only REDCap administrators read the audit trail.");
        }
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

    private static boolean csv(String format) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new BadRequest("format must be json or csv.");
        };
    }
}
