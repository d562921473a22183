package org.tokengov.request;

import java.util.Optional;

/**
 * The successor namings a request pipeline consults (kept by the succession capability). A request becomes a successor
 * request only here, from the app's own record of a naming for its authenticated requester, never from a variable.
 */
public interface Successions {

    /**
     * The unused naming of {@code requester} as successor on the production project, marked used by the request; empty
     * if there is none (a normal request).
     */
    Optional<Succession> claim(String requester, long productionProjectId, String requestId);

    /** The naming a request claimed, if it is a successor request. */
    Optional<Succession> ofRequest(String requestId);
}
