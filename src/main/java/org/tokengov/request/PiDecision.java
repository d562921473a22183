package org.tokengov.request;

/** A PI's answer on {@code Task_ApproveAsPi}. */
enum PiDecision {
    APPROVED,
    REFUSED
}
