package org.tokengov.tokenreport;

/**
 * A report handed on: the action the token's lifecycle or the offboarding now carries out (as the REST API names it),
 * and the offboarding's id for a left project (null otherwise).
 */
public record ReportFiled(String tokenId, String action, String offboardingId) {
}
