package org.tokengov.web;

import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.leaks.LeakScan;
import org.tokengov.leaks.LeakScanResult;
import org.tokengov.leaks.UnreadableUpload;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
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

    private static final Pattern REQUEST_REF = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final LeakScan leakScan;
    private final TokenRequests requests;
    private final ApiCaller callers;

    LeakScanController(LeakScan leakScan, TokenRequests requests, ApiCaller callers) {
        this.leakScan = leakScan;
        this.requests = requests;
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
        if (!REQUEST_REF.matcher(reference).matches()) {
            throw new BadRequest("request must be a request's number (REQ-2026-0042) or id.");
        }
        // Before the look-up: a caller who may not link scans learns nothing of which requests exist.
        if (!caller.specialist() && !caller.admin()) {
            throw new Forbidden("Only API specialists and REDCap administrators scan the code under review of a request.");
        }
        TokenRequestRecord record = requests.findByNumber(reference).or(() -> requests.find(reference))
                .orElseThrow(() -> new NotFound("No request " + reference + "."));
        if (caller.userId().equals(record.requester())) {
            throw new Forbidden("The code of your own request is scanned by its reviewer; scan without ?request=.");
        }
        return record;
    }
}
