package org.tokengov.sponsorship;

import java.util.List;

/**
 * What the hold step found: the tokens it put on hold, the external's token projects as text, and the PIs of those
 * projects who may name a new sponsor.
 */
record HeldTokens(List<String> tokenIds, String projects, List<String> pis) {
}
