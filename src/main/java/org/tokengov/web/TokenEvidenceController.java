package org.tokengov.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * {@code GET /api/tokens/{id}/evidence[?format=html]}: one token's evidence for an auditor, as JSON or as a printable
 * page. REDCap administrators may see any token's; a PI of the token's project (full User Rights in REDCap, in the
 * token's environment) that project's tokens'. Nobody else, the holder included.
 */
@RestController
class TokenEvidenceController {

    private final TokenRegistry registry;
    private final TokenEvidences evidences;
    private final ProjectPis pis;
    private final ApiCaller callers;

    TokenEvidenceController(TokenRegistry registry, TokenEvidences evidences, ProjectPis pis, ApiCaller callers) {
        this.registry = registry;
        this.evidences = evidences;
        this.pis = pis;
        this.callers = callers;
    }

    @GetMapping("/api/tokens/{id}/evidence")
    ResponseEntity<?> evidence(@PathVariable String id, @RequestParam(required = false) String format) {
        ApiCaller.Caller caller = callers.current();
        boolean html = html(format);
        IssuedToken token = registry.find(id).orElseThrow(() -> new ApiErrors.NotFound("No token " + id + "."));
        if (!caller.admin() && !isPi(caller.userId(), token)) {
            throw new ApiErrors.Forbidden("Only REDCap administrators and the PIs of the token's project (full User"
                    + " Rights in REDCap) may see a token's evidence.");
        }
        TokenEvidence evidence = evidences.of(token);
        return html ? ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(TokenEvidencePage.render(evidence)) : ResponseEntity.ok(evidence);
    }

    private boolean isPi(String username, IssuedToken token) {
        try {
            return pis.isPi(username, token.environment(), token.projectId());
        } catch (RedcapException e) {
            throw new ApiErrors.Unavailable("REDCap " + token.environment() + " cannot say now who the PIs of project "
                    + token.projectId() + " are: try again later.");
        }
    }

    private static boolean html(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("html")) {
            return true;
        }
        throw new ApiErrors.BadRequest("format must be json or html");
    }
}
