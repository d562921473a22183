package org.tokengov.fairuse;

import org.springframework.stereotype.Service;
import org.tokengov.usage.Finding;

/** Misuse cases: a new confirmed finding opens one for its token and rule, or joins the one open. */
@Service
public class FairUseCases {

    /** Opens a case for the finding's token and rule, or links the finding to the case open for them. */
    public void open(Finding finding) {
        throw new UnsupportedOperationException("FairUseCaseProcess is being built");
    }
}
