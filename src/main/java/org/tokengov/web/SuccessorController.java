package org.tokengov.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.input.PlainText;
import org.tokengov.input.StrictJson;
import org.tokengov.request.Succession;
import org.tokengov.succession.NamingRefused;
import org.tokengov.succession.SuccessorNaming;
import org.tokengov.web.ApiCaller.Caller;
import org.tokengov.web.ApiErrors.BadRequest;
import org.tokengov.web.ApiErrors.Conflict;
import org.tokengov.web.ApiErrors.Forbidden;
import org.tokengov.web.ApiErrors.NotFound;

/**
 * {@code POST /api/tokens/{id}/successor} with {@code {"successor": "dave"}}, or {@code {"successor": "dave",
 * "leavingOn": "2027-01-31"}} where no leaving date is recorded yet (the PI's report of it): the production project's
 * PI or a REDCap administrator names who takes over a leaver's production token before the leaving date. The
 * successor then requests as usual and is recognised from this naming. Answers 201 with the naming; refusals 400, 403,
 * 404 or 409 with a message, nothing stored.
 */
@RestController
class SuccessorController {

    record Naming(String successor, String leavingOn) {
    }

    record Named(String id, String tokenId, String predecessor, String successor, long productionProjectId,
            String codeRepositoryUrl, String codeCommit, String reviewedBy, Instant reviewedAt, Instant leavingAt,
            String namedBy) {

        static Named of(Succession naming) {
            return new Named(naming.namingId(), naming.predecessorTokenId(), naming.predecessor(), naming.successor(),
                    naming.productionProjectId(), naming.codeRepositoryUrl(), naming.codeCommit(), naming.reviewedBy(),
                    naming.reviewedAt(), naming.leavingAt(), naming.namedBy());
        }
    }

    private final SuccessorNaming naming;
    private final ApiCaller callers;

    SuccessorController(SuccessorNaming naming, ApiCaller callers) {
        this.naming = naming;
        this.callers = callers;
    }

    @PostMapping("/api/tokens/{tokenId}/successor")
    @ResponseStatus(HttpStatus.CREATED)
    Named name(@PathVariable String tokenId, @RequestBody(required = false) byte[] body) {
        if (!PlainText.isPlain(tokenId)) {
            throw new BadRequest("A token id has no control characters.");
        }
        Caller caller = callers.current();
        Naming asked = read(body);
        try {
            return Named.of(naming.name(new SuccessorNaming.Request(tokenId, asked.successor(), day(asked.leavingOn()),
                    caller.userId(), caller.admin())));
        } catch (NamingRefused refused) {
            throw switch (refused.kind()) {
                case UNKNOWN_TOKEN -> new NotFound(refused.getMessage());
                case NOT_ALLOWED -> new Forbidden(refused.getMessage());
                case INVALID -> new BadRequest(refused.getMessage());
                case CONFLICT -> new Conflict(refused.getMessage());
            };
        }
    }

    private static Naming read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequest("Give the successor: a JSON body {\"successor\": \"…\"}, with \"leavingOn\": \"YYYY-MM-DD\" "
                    + "if no leaving date is recorded.");
        }
        try {
            return StrictJson.read(body, Naming.class);
        } catch (StrictJson.Unreadable e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static LocalDate day(String leavingOn) {
        if (leavingOn == null) {
            return null;
        }
        try {
            return LocalDate.parse(leavingOn);
        } catch (DateTimeParseException e) {
            throw new BadRequest("leavingOn must be a day as YYYY-MM-DD.");
        }
    }
}
