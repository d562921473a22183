package org.tokengov.audit;

import java.time.Instant;

/** The newest seal at some moment: what to copy outside the database. Seal 0 with the genesis hash: nothing sealed yet. */
public record ChainHead(long sealSeq, String hash, Instant sealedAt) {
}
