package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tokengov.identity.ContractGroups;
import org.tokengov.leaks.CodeUnderReview;
import org.tokengov.leaks.LeakScan;
import org.tokengov.leaks.LeakScanResult;
import org.tokengov.leaks.UnreadableUpload;
import org.tokengov.registry.TokenRequestRecord;

/**
 * {@code GET /leaks/scan}: the leak scan for people, where the code reviewer works (linked from the code-review task
 * with {@code ?request=}): a file (a text file, zip, tar or tar.gz) or pasted text; {@code POST /leaks/scan} scans it
 * with the service {@code POST /api/leaks/scan} uses and says in words how many live tokens it held, never whose. With
 * a request, the same rule as the API: only an API specialist or REDCap administrator other than the requester links a
 * scan to a request's code review; anyone logged in scans without one. Same login as the dashboard; cross-site posts
 * and bodies over {@code tokengov.web.max-scan-upload-size} are refused by the web guards before this runs. Neither the
 * upload nor the pasted text is kept, logged or shown again: the answer page carries only counts. Not cached.
 */
@Controller
class LeakScanPageController {

    static final String PAGE = "/leaks/scan";
    private static final String VIEW = "dashboard/leak-scan";

    private final Viewers viewers;
    private final IdentityService identity;
    private final LeakScan leakScan;
    private final CodeUnderReview codeUnderReview;
    private final WebappLinks links;
    private final DataSize uploadLimit;

    LeakScanPageController(Viewers viewers, IdentityService identity, LeakScan leakScan, CodeUnderReview codeUnderReview,
            WebappLinks links, @Value("${tokengov.web.max-scan-upload-size:10MB}") DataSize uploadLimit) {
        this.viewers = viewers;
        this.identity = identity;
        this.leakScan = leakScan;
        this.codeUnderReview = codeUnderReview;
        this.links = links;
        this.uploadLimit = uploadLimit;
    }

    @GetMapping(PAGE)
    String form(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(name = "request", required = false) String requestRef) {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty()) {
            return "redirect:" + links.loginPage();
        }
        show(response, model, viewer.get(), blankToNull(requestRef));
        return VIEW;
    }

    @PostMapping(PAGE)
    String scan(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(name = "request", required = false) String requestRef,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "text", required = false) String text) throws IOException {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty()) {
            return "redirect:" + links.loginPage();
        }
        String reference = blankToNull(requestRef);
        show(response, model, viewer.get(), reference);
        String reviewOf;
        try {
            reviewOf = reference == null ? null : reviewed(reference, viewer.get()).id();
        } catch (CodeUnderReview.Refused e) {
            return refused(response, model, status(e.reason()), e.getMessage());
        }
        boolean fileGiven = file != null && !file.isEmpty();
        boolean textGiven = text != null && !text.isBlank();
        if (fileGiven == textGiven) {
            return refused(response, model, HttpStatus.BAD_REQUEST, fileGiven
                    ? "Give a file or pasted text, not both: each scan is one upload, and the review reads the latest."
                    : "Choose a file or paste the code to scan.");
        }
        byte[] upload = fileGiven ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
        LeakScanResult result;
        try {
            result = leakScan.scan(upload, viewer.get().username(), reviewOf);
        } catch (UnreadableUpload e) {
            return refused(response, model, HttpStatus.BAD_REQUEST, e.getMessage());
        }
        model.addAttribute("result", LeakScanAnswer.of(result, reviewOf != null));
        return VIEW;
    }

    private void show(HttpServletResponse response, Model model, Viewer viewer, String reference) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("viewer", viewer);
        model.addAttribute("tasklist", links.tasklist());
        model.addAttribute("requestRef", reference);
        model.addAttribute("uploadLimit", uploadLimit.toMegabytes() > 0 ? uploadLimit.toMegabytes() + " MB"
                : uploadLimit.toKilobytes() + " KB");
    }

    /** The request, if the viewer may link a scan to its review; groups read from the identity store now. */
    private TokenRequestRecord reviewed(String reference, Viewer viewer) {
        boolean specialist = identity.createGroupQuery().groupMember(viewer.username())
                .groupId(ContractGroups.SPECIALISTS).count() > 0;
        return codeUnderReview.reviewedBy(reference, viewer.username(), specialist || viewer.admin());
    }

    private static String refused(HttpServletResponse response, Model model, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("error", message);
        return VIEW;
    }

    private static HttpStatus status(CodeUnderReview.Refused.Reason reason) {
        return switch (reason) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case NOT_A_REVIEWER, OWN_REQUEST -> HttpStatus.FORBIDDEN;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
