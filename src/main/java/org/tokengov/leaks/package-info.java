/**
 * Leaked-token scanning: a text, a file or a repository's archive (zip, tar, tar.gz) is searched for token values
 * (every 32- and 64-hex run, as REDCap's project and super tokens are), each value hashed and matched with the
 * registry's fingerprints at once and never kept. A live token found is reported compromised (its lifecycle gives it a
 * new value) and its holder told where it was found; the scanner learns only how many live tokens were found, never
 * whose. Who may link a scan to a request's code review (an API specialist or administrator, never the requester) is
 * decided here once, for the API and the page ({@link org.tokengov.leaks.CodeUnderReview}). Reads the registry and the
 * ledger's cases through the lifecycle; owns no table.
 */
package org.tokengov.leaks;
