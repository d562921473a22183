package org.tokengov.requeststate;

import java.time.Instant;
import java.util.List;

/**
 * One request as its requester follows it: what was asked ({@code rights} in words: "export", "import", "mobile
 * app"), its {@code state}, the sentence the requester was sent when it was refused, rejected or closed
 * ({@code reason}), who must act now ({@code waitingFor}: empty when the system works or the request is over), the step
 * it waits at, since when, and the step's deadline (null if none).
 */
public record RequestProgress(String number, String id, String requester, long productionProjectId, long qaProjectId,
        List<String> rights, RequestState state, String reason, String step, List<String> waitingFor, Instant since,
        Instant deadline) {
}
