package org.tokengov.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tokengov.requeststate.PageAsked;
import org.tokengov.requeststate.RequestProgress;
import org.tokengov.requeststate.RequestProgressPage;
import org.tokengov.requeststate.RequestProgresses;
import org.tokengov.requeststate.RequestState;

/**
 * {@code GET /api/requests[?state=IN_REVIEW][&page=0][&size=50]}: one page of the caller's token requests, newest
 * first, each with its number, state, reason, who must act now, since when and until when. REDCap administrators get
 * everyone's; anyone else only their own, whatever they ask for. The body stays a JSON array; {@code X-Total-Count}
 * says how many there are in all and an RFC 8288 {@code Link} header gives the {@code next} and {@code prev} pages.
 */
@RestController
class RequestsController {

    private static final String STATES = Arrays.stream(RequestState.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final RequestProgresses progresses;
    private final ApiCaller callers;

    RequestsController(RequestProgresses progresses, ApiCaller callers) {
        this.progresses = progresses;
        this.callers = callers;
    }

    @GetMapping("/api/requests")
    ResponseEntity<List<RequestProgress>> requests(@RequestParam(required = false) String state,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        ApiCaller.Caller caller = callers.current();
        Optional<RequestState> only = only(state);
        PageAsked asked;
        try {
            asked = PageAsked.parse(page, size);
        } catch (PageAsked.Invalid e) {
            throw new ApiErrors.BadRequest(e.getMessage());
        }
        RequestProgressPage found = progresses.visibleTo(caller.userId(), caller.admin(), only, asked.page(), asked.size());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()));
        List<String> links = new ArrayList<>();
        if (found.hasNext()) {
            links.add(link(found.page() + 1, found.size(), "next"));
        }
        if (found.hasPrevious()) {
            links.add(link(found.page() - 1, found.size(), "prev"));
        }
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(found.requests());
    }

    private static String link(int page, int size, String relation) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", size).build().toUriString();
        return "<" + uri + ">; rel=\"" + relation + "\"";
    }

    private static Optional<RequestState> only(String state) {
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(RequestState.named(state.trim().toUpperCase())
                .orElseThrow(() -> new ApiErrors.BadRequest("state must be one of " + STATES)));
    }
}
