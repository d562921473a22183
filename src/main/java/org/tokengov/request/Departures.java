package org.tokengov.request;

import java.util.Optional;

/**
 * Whether a person has left: the organisation (a termination in effect, not followed by a rehire) or the production
 * project they request for. Implemented where departures are recorded (offboarding), so that eligibility can ask
 * without the request pipeline depending on the offboarding process.
 */
public interface Departures {

    /** Empty if nothing stops the request; otherwise why, in words the requester understands. */
    Optional<String> departureBlocking(String username, long productionProjectId);
}
