package org.tokengov.ledger;

import java.util.Objects;

/** A case in the ledger: its type and id. */
public record CaseRef(CaseType type, String id) {

    public CaseRef {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A ledger case needs an id");
        }
    }

    public static CaseRef request(String requestId) {
        return new CaseRef(CaseType.REQUEST, requestId);
    }

    public static CaseRef token(String tokenId) {
        return new CaseRef(CaseType.TOKEN, tokenId);
    }

    public static CaseRef sponsorReplacement(String key) {
        return new CaseRef(CaseType.SPONSOR_REPLACEMENT, key);
    }
}
