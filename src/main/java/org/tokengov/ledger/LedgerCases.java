package org.tokengov.ledger;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequests;

/** Loads a case with everything the ledger and the registry know of it. */
@Service
public class LedgerCases {

    private final Ledger ledger;
    private final TokenRequests requests;
    private final TokenRegistry registry;

    LedgerCases(Ledger ledger, TokenRequests requests, TokenRegistry registry) {
        this.ledger = ledger;
        this.requests = requests;
        this.registry = registry;
    }

    public RequestCase request(String requestId) {
        return new RequestCase(requestId, requests.find(requestId).orElse(null), ledger.entries(CaseRef.request(requestId)));
    }

    /** Empty for a token the registry does not know. */
    public Optional<TokenCase> token(String tokenId) {
        return registry.find(tokenId).map(token -> new TokenCase(token, ledger.entries(CaseRef.token(tokenId))));
    }
}
