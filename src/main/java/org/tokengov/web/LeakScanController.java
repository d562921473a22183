package org.tokengov.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.leaks.LeakScan;
import org.tokengov.leaks.LeakScanResult;
import org.tokengov.leaks.UnreadableUpload;
import org.tokengov.web.ApiErrors.BadRequest;

/**
 * {@code POST /api/leaks/scan}: anyone with a login sends a text, a file, or a zip, tar or tar.gz of a repository as the
 * body (any content type but a form; up to {@code tokengov.web.max-scan-upload-size}) and learns how many live tokens
 * it held, which are being regenerated at once. The answer never says whose: the holders are told by mail. Only the
 * values' hashes are compared; the upload is not kept.
 */
@RestController
class LeakScanController {

    private final LeakScan leakScan;
    private final ApiCaller callers;

    LeakScanController(LeakScan leakScan, ApiCaller callers) {
        this.leakScan = leakScan;
        this.callers = callers;
    }

    @PostMapping(BodySizeLimitFilter.LEAK_SCAN)
    LeakScanResult scan(@RequestBody(required = false) byte[] upload) {
        ApiCaller.Caller caller = callers.current();
        if (upload == null || upload.length == 0) {
            throw new BadRequest("Send the text, the file, or a zip, tar or tar.gz of the repository to scan as the"
                    + " request body.");
        }
        try {
            return leakScan.scan(upload, caller.userId());
        } catch (UnreadableUpload e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
