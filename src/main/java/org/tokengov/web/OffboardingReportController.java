package org.tokengov.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingOutcome;
import org.tokengov.offboarding.OffboardingReports;
import org.tokengov.offboarding.OffboardingReports.Report;
import org.tokengov.offboarding.OffboardingReports.Revocation;
import org.tokengov.web.ApiErrors.Forbidden;
import org.tokengov.web.ApiErrors.NotFound;

/**
 * Evidence that departures were acted on, for REDCap administrators: {@code GET /api/offboardings/{id}} shows one
 * offboarding event with every token it revoked, {@code GET /api/offboardings?from=&to=} the events received in a
 * range. {@code secondsToFullRevocation} runs from receipt to the last revocation, null until all are done.
 */
@RestController
class OffboardingReportController {

    record EventView(String id, String username, String source, String type, Long projectId, String reason,
            Instant receivedAt, Instant effectiveAt, OffboardingOutcome outcome, String outcomeDetails, Instant completedAt) {

        static EventView of(OffboardingEvent e) {
            return new EventView(e.id(), e.username(), e.source(), e.type(), e.projectId(), e.reason(), e.receivedAt(),
                    e.effectiveAt(), e.outcome(), e.outcomeDetails(), e.completedAt());
        }
    }

    record ReportView(@JsonUnwrapped EventView event, List<Revocation> revocations, Long secondsToFullRevocation) {

        static ReportView of(Report report) {
            return new ReportView(EventView.of(report.event()), report.revocations(), report.secondsToFullRevocation());
        }
    }

    record SummaryView(@JsonUnwrapped EventView event, int tokens, Long secondsToFullRevocation) {

        static SummaryView of(Report report) {
            return new SummaryView(EventView.of(report.event()), report.revocations().size(), report.secondsToFullRevocation());
        }
    }

    private final OffboardingReports reports;
    private final ApiCaller callers;

    OffboardingReportController(OffboardingReports reports, ApiCaller callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @GetMapping("/api/offboardings/{id}")
    ReportView report(@PathVariable String id) {
        requireAdmin();
        return reports.of(id).map(ReportView::of).orElseThrow(() -> new NotFound("No offboarding event " + id + "."));
    }

    @GetMapping("/api/offboardings")
    List<SummaryView> received(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireAdmin();
        TimeRange range = TimeRange.parse(from, to);
        return reports.receivedBetween(range.from(), range.to()).stream().map(SummaryView::of).toList();
    }

    private void requireAdmin() {
        if (!callers.current().admin()) {
            throw new Forbidden("Only REDCap administrators read offboarding reports.");
        }
    }
}
