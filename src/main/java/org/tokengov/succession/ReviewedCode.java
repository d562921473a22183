package org.tokengov.succession;

import java.time.Instant;

/** The code an API specialist last approved for a token: where it is, which commit, who approved it and when. */
record ReviewedCode(String repository, String commit, String reviewedBy, Instant reviewedAt) {
}
