package org.tokengov.requeststate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.tokengov.registry.RequestStatus;

/** Where a request stands, as the requester and the administrators follow it; {@code words} is what a page shows. */
public enum RequestState {
    SUBMITTED("Submitted: being checked"),
    WAITING_FOR_SPONSOR("Waiting for the sponsor to confirm"),
    WAITING_FOR_PI("Waiting for the project's PI to consent"),
    QA_TESTING("Testing in QA"),
    IN_REVIEW("Code in review"),
    CHANGES_REQUESTED("Changes requested by the reviewer"),
    WAITING_FOR_APPROVAL("Waiting for an administrator's approval"),
    ISSUED("Production token issued"),
    REFUSED("Refused"),
    REJECTED("Rejected"),
    CLOSED("Closed");

    private final String words;

    RequestState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The state of that name (as {@code ?state=} gives it), or empty for a name that is none. */
    public static Optional<RequestState> named(String name) {
        return Arrays.stream(values()).filter(state -> state.name().equals(name)).findFirst();
    }

    /** A closed request's state from how the registry recorded its end; empty for a request still open. */
    static Optional<RequestState> ofClosed(RequestStatus status) {
        return Optional.ofNullable(switch (status) {
            case SUBMITTED -> null;
            case APPROVED -> ISSUED;
            case INELIGIBLE, REFUSED -> REFUSED;
            case REJECTED -> REJECTED;
            case TIMED_OUT, CLOSED -> CLOSED;
        });
    }

    /**
     * The registry statuses a request in this state has: an ended request's is how the registry recorded its end, so a
     * page of them is found by SQL; every open state is SUBMITTED in the registry, the step being the engine's.
     */
    Set<RequestStatus> registryStatuses() {
        return switch (this) {
            case ISSUED -> EnumSet.of(RequestStatus.APPROVED);
            case REFUSED -> EnumSet.of(RequestStatus.INELIGIBLE, RequestStatus.REFUSED);
            case REJECTED -> EnumSet.of(RequestStatus.REJECTED);
            case CLOSED -> EnumSet.of(RequestStatus.TIMED_OUT, RequestStatus.CLOSED);
            default -> EnumSet.of(RequestStatus.SUBMITTED);
        };
    }

    boolean isOpen() {
        return registryStatuses().contains(RequestStatus.SUBMITTED);
    }

    /** Whether the sentence the requester was sent about the end belongs with this state. */
    boolean hasReason() {
        return this == REFUSED || this == REJECTED || this == CLOSED;
    }
}
