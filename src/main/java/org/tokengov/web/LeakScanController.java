package org.tokengov.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.leaks.CodeUnderReview;
import org.tokengov.leaks.LeakScan;
import org.tokengov.leaks.LeakScanResult;
import org.tokengov.leaks.UnreadableUpload;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.web.ApiErrors.BadRequest;
import org.tokengov.web.ApiErrors.Forbidden;
import org.tokengov.web.ApiErrors.NotFound;

/**
 * {@code POST /api/leaks/scan}: anyone with a login sends a text, a file, or a zip, tar or tar.gz of a repository as the
 * body (the types {@link CrossSiteRequestFilter} lets through; up to {@code tokengov.web.max-scan-upload-size}) and
 * learns how many live tokens it held, which are being regenerated at once. The answer never says whose: the holders
 * are told by mail. Only the values' hashes are compared; the upload is not kept. With {@code ?request=} (a request's
 * number or id) an API specialist or administrator other than the requester scans the code under review: the code
 * review cannot be approved while the latest such scan held a live token.
 */
@RestController
class LeakScanController {

    private final LeakScan leakScan;
    private final CodeUnderReview codeUnderReview;
    private final ApiCaller callers;

    LeakScanController(LeakScan leakScan, CodeUnderReview codeUnderReview, ApiCaller callers) {
        this.leakScan = leakScan;
        this.codeUnderReview = codeUnderReview;
        this.callers = callers;
    }

    @PostMapping(BodySizeLimitFilter.LEAK_SCAN)
    LeakScanResult scan(@RequestParam(name = "request", required = false) String request,
            @RequestBody(required = false) byte[] upload) {
        ApiCaller.Caller caller = callers.current();
        String reviewOf = request == null ? null : underReviewBy(request, caller).id();
        if (upload == null || upload.length == 0) {
            throw new BadRequest("Send the text, the file, or a zip, tar or tar.gz of the repository to scan as the"
                    + " request body.");
        }
        try {
            return leakScan.scan(upload, caller.userId(), reviewOf);
        } catch (UnreadableUpload e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** The request whose code the caller may review: an API specialist or administrator, never the requester. */
    private TokenRequestRecord underReviewBy(String reference, ApiCaller.Caller caller) {
        try {
            return codeUnderReview.reviewedBy(reference, caller.userId(), caller.specialist() || caller.admin());
        } catch (CodeUnderReview.Refused e) {
            throw switch (e.reason()) {
                case MALFORMED -> new BadRequest(e.getMessage());
                case NOT_A_REVIEWER -> new Forbidden(e.getMessage());
                case UNKNOWN -> new NotFound(e.getMessage());
                case OWN_REQUEST -> new Forbidden(e.getMessage());
            };
        }
    }
}
