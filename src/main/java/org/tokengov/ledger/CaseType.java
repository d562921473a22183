package org.tokengov.ledger;

/** Whose case a ledger entry belongs to. */
public enum CaseType {
    /** A token request; the case id is the request id (its process instance). */
    REQUEST,
    /** An issued token's later cases (suspension, compromise, code change); the case id is the token id. */
    TOKEN,
    /** The search for a new sponsor of an external whose sponsor left; the case id is that process's business key. */
    SPONSOR_REPLACEMENT
}
