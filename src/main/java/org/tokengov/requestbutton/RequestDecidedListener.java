package org.tokengov.requestbutton;

import static org.tokengov.requestbutton.RequestButtonVariables.MSG_REQUEST_DECIDED;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.registry.TokenRequestClosed;

/**
 * When a token request that answered a request button's to-do row is closed, however it ends (issued, refused,
 * rejected, timed out, closed for a leaver), its {@code RequestButtonProcess} goes on to close the row, in the same
 * transaction. The message is the system's: the person whose decision ended the request needs no permission on it.
 */
@Component
class RequestDecidedListener {

    private final TakenRows rows;
    private final RuntimeService runtime;
    private final IdentityService identity;

    RequestDecidedListener(TakenRows rows, RuntimeService runtime, IdentityService identity) {
        this.rows = rows;
        this.runtime = runtime;
        this.identity = identity;
    }

    @EventListener
    void requestClosed(TokenRequestClosed closed) {
        rows.ofTokenRequest(closed.request().id()).ifPresent(row -> SystemAuthority.run(identity, () ->
                runtime.createMessageCorrelation(MSG_REQUEST_DECIDED).processInstanceId(row.processInstanceId())
                        .correlateAll()));
    }
}
