package org.tokengov.dashboard;

import java.util.Map;
import org.tokengov.tokenreport.TokenReport;

/**
 * How the dashboard names a report and says what it does, in plain words: the link in the token table, the
 * confirmation page's heading and explanation, the label of its reason field, and the result.
 */
record TokenAction(String slug, String link, String heading, String whatHappens, String reasonLabel, String done) {

    private static final Map<TokenReport, TokenAction> WORDS = Map.of(
            TokenReport.COMPROMISED, new TokenAction("compromised", "Report compromised", "Report a compromised token",
                    "REDCap gives the token a new value now; the old value stops working at once. Read the new value on "
                            + "REDCap's API page and put it where your code reads it.", null,
                    "Compromise reported: REDCap is giving the token a new value; the old one stops working."),
            TokenReport.NO_LONGER_NEEDED, new TokenAction("no-longer-needed", "No longer needed", "Give the token back",
                    "The token is deleted in REDCap and recorded as no longer needed; code that still uses it gets "
                            + "refused. This cannot be undone: a new token needs a new request.", null,
                    "Revocation requested: the token is being deleted in REDCap."),
            TokenReport.CODE_CHANGE, new TokenAction("code-change", "Code changed", "Report a change of your code",
                    "The token stays as it is while the change is tested in QA and reviewed again, as the fair use "
                            + "policy asks for changed code.", "What changed in the code",
                    "Code change reported: a retest in QA and a review are on their way."),
            TokenReport.LEFT_PROJECT, new TokenAction("left-project", "Left the project", "Report that the holder left the project",
                    "The holder's tokens for this project (production and the QA tokens requested for it) are revoked, "
                            + "their access to the project ends, and the PIs and REDCap administrators are told.", null,
                    "Offboarding started: the holder's tokens for the project are being revoked."),
            TokenReport.SUSPENSION, new TokenAction("suspension", "Suspend", "Suspend the token",
                    "REDCap refuses the token until an administrator reinstates it; the holder is told why and asked to "
                            + "fix the cause.", "Reason for the suspension",
                    "Suspension requested: REDCap is being told to refuse the token."));

    static TokenAction of(TokenReport report) {
        return WORDS.get(report);
    }

    public boolean asksReason() {
        return reasonLabel != null;
    }
}
