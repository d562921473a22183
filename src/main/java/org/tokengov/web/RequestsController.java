package org.tokengov.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.requeststate.RequestProgress;
import org.tokengov.requeststate.RequestProgresses;
import org.tokengov.requeststate.RequestState;

/**
 * {@code GET /api/requests[?state=IN_REVIEW]}: the caller's token requests, newest first, each with its number, state,
 * reason, who must act now, since when and until when. REDCap administrators get everyone's; anyone else only their
 * own, whatever they ask for.
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
    List<RequestProgress> requests(@RequestParam(required = false) String state) {
        ApiCaller.Caller caller = callers.current();
        return progresses.visibleTo(caller.userId(), caller.admin(), only(state));
    }

    private static Optional<RequestState> only(String state) {
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(RequestState.named(state.trim().toUpperCase())
                .orElseThrow(() -> new ApiErrors.BadRequest("state must be one of " + STATES)));
    }
}
