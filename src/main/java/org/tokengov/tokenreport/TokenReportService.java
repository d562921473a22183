package org.tokengov.tokenreport;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tokengov.input.PlainText;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.registry.TokenState;
import org.tokengov.tokenreport.ReportRefused.Kind;

/**
 * Files what a person reports about a token, each report handed to the token's lifecycle: the holder or an
 * administrator reports a compromise or that the token is no longer needed; the holder reports a code change; the
 * project's PI (a REDCap user with full User Rights on the project) or an administrator reports that the holder left
 * the project (an offboarding for that project); an administrator suspends it for performance impact, with a reason.
 * Checks run in the order the API has always answered them: the token id, the token, whether it is live, who may,
 * then the reason. Nothing is written before every check passed; the lifecycle and the offboarding write the audit.
 */
@Service
public class TokenReportService {

    /** The offboarding source of a left project reported here. */
    static final String PI_REPORT = "PI_REPORT";

    public static final int REASON_MAX = 2000;

    private final TokenRegistry registry;
    private final TokenLifecycles lifecycles;
    private final ProjectPis pis;
    private final TokenRequests requests;
    private final OffboardingEvents offboardings;

    TokenReportService(TokenRegistry registry, TokenLifecycles lifecycles, ProjectPis pis, TokenRequests requests,
            OffboardingEvents offboardings) {
        this.registry = registry;
        this.lifecycles = lifecycles;
        this.pis = pis;
        this.requests = requests;
        this.offboardings = offboardings;
    }

    /** Files the report, or refuses it with nothing written. {@code reason} is read only where the report needs one. */
    public ReportFiled report(Reporter reporter, String tokenId, TokenReport report, String reason) {
        IssuedToken token = liveToken(tokenId);
        requireAllowed(reporter, token, report);
        String checkedReason = report.needsReason() ? checkedReason(report, reason) : null;
        return switch (report) {
            case COMPROMISED -> {
                lifecycles.reportCompromised(tokenId, reporter.userId());
                yield new ReportFiled(tokenId, "COMPROMISE_REPORTED", null);
            }
            case NO_LONGER_NEEDED -> {
                lifecycles.revoke(tokenId, RevocationReason.NO_LONGER_NEEDED, reporter.userId());
                yield new ReportFiled(tokenId, "REVOCATION_REQUESTED", null);
            }
            case CODE_CHANGE -> {
                lifecycles.reportCodeChange(tokenId, checkedReason, reporter.userId());
                yield new ReportFiled(tokenId, "CODE_CHANGE_REPORTED", null);
            }
            case LEFT_PROJECT -> new ReportFiled(tokenId, "OFFBOARDING_STARTED", leftProject(reporter, token));
            case SUSPENSION -> {
                lifecycles.suspend(tokenId, checkedReason, reporter.userId());
                yield new ReportFiled(tokenId, "SUSPENSION_REQUESTED", null);
            }
        };
    }

    /** The token if it exists and is live; refused otherwise. */
    public IssuedToken liveToken(String tokenId) {
        if (tokenId == null || !PlainText.isPlain(tokenId)) {
            throw new ReportRefused(Kind.BAD_INPUT, "A token id has no control characters.");
        }
        IssuedToken token = registry.find(tokenId)
                .orElseThrow(() -> new ReportRefused(Kind.NOT_FOUND, "No token " + tokenId + "."));
        if (!token.state().isLive()) {
            throw new ReportRefused(Kind.NOT_LIVE, "Token " + tokenId + " is " + token.state() + ": nothing more can happen to it.");
        }
        return token;
    }

    /** Refuses the report unless the reporter may make it about this live token now (PIs asked fresh from REDCap). */
    public void requireAllowed(Reporter reporter, IssuedToken token, TokenReport report) {
        switch (report) {
            case COMPROMISED, NO_LONGER_NEEDED -> {
                if (!reporter.admin() && !holds(reporter, token)) {
                    throw new ReportRefused(Kind.NOT_ALLOWED, "Only the holder or a REDCap administrator may do this.");
                }
            }
            case CODE_CHANGE -> {
                if (!holds(reporter, token)) {
                    throw new ReportRefused(Kind.NOT_ALLOWED, "Only the holder reports a change of their code.");
                }
            }
            case LEFT_PROJECT -> {
                if (!reporter.admin() && !pis.isPi(reporter.userId(), token.environment(), token.projectId())) {
                    throw new ReportRefused(Kind.NOT_ALLOWED, "Only the project's PI (a user with full User Rights on "
                            + "the REDCap project) or a REDCap administrator reports that someone left the project.");
                }
            }
            case SUSPENSION -> {
                if (!reporter.admin()) {
                    throw new ReportRefused(Kind.NOT_ALLOWED, "Only REDCap administrators suspend tokens.");
                }
                if (token.state() == TokenState.SUSPENDED) {
                    throw new ReportRefused(Kind.NOT_LIVE, "Token " + token.id() + " is already suspended.");
                }
            }
        }
    }

    /**
     * The reports to offer the reporter on a token in a list (a live one: none otherwise), from what the list shows of
     * it: the same gates, except that a project's PIs come from the few minutes' memory {@link ProjectPis#of} keeps (a
     * list shows many tokens; filing the report asks REDCap afresh) and a holder is not offered to report that they left.
     */
    public Set<TokenReport> offered(Reporter reporter, String holder, TokenState state, RedcapEnvironment environment,
            long projectId) {
        Set<TokenReport> offered = EnumSet.noneOf(TokenReport.class);
        if (!state.isLive()) {
            return offered;
        }
        boolean holds = reporter.userId().equals(holder);
        if (holds || reporter.admin()) {
            offered.add(TokenReport.COMPROMISED);
            offered.add(TokenReport.NO_LONGER_NEEDED);
        }
        if (holds) {
            offered.add(TokenReport.CODE_CHANGE);
        }
        if (reporter.admin() || !holds && listedPi(reporter, environment, projectId)) {
            offered.add(TokenReport.LEFT_PROJECT);
        }
        if (reporter.admin() && state != TokenState.SUSPENDED) {
            offered.add(TokenReport.SUSPENSION);
        }
        return offered;
    }

    /**
     * Whether REDCap named the reporter among the project's PIs in the last few minutes. Asked only about others'
     * tokens (holders give their own back as no longer needed), so a holder's list costs REDCap no call; a REDCap that
     * does not answer offers nothing rather than failing the list.
     */
    private boolean listedPi(Reporter reporter, RedcapEnvironment environment, long projectId) {
        try {
            return pis.of(environment, projectId).stream().anyMatch(reporter.userId()::equalsIgnoreCase);
        } catch (RedcapException unanswered) {
            return false;
        }
    }

    /**
     * Leaving a project ends every token of the person for it (PROD and the QA tokens requested for it) and their API
     * rights there: the same offboarding an HR system's {@code person.left_project} starts.
     */
    private String leftProject(Reporter reporter, IssuedToken token) {
        long productionProjectId = requests.find(Objects.toString(token.requestId(), ""))
                .map(TokenRequestRecord::productionProjectId).orElse(token.projectId());
        return offboardings.record(token.holder(), PI_REPORT, "reported by " + reporter.userId(),
                OffboardingEvent.LEFT_PROJECT, productionProjectId, null);
    }

    private static String checkedReason(TokenReport report, String given) {
        String text = given == null ? "" : given;
        // Checked before trimming, which would quietly drop control characters at either end.
        String reason = text.trim();
        if (reason.isEmpty() || reason.length() > REASON_MAX || !PlainText.isPlain(text)) {
            throw new ReportRefused(Kind.BAD_REASON, report.reasonAsk() + ": 1 to " + REASON_MAX
                    + " characters on one line, without control characters.");
        }
        return reason;
    }

    private static boolean holds(Reporter reporter, IssuedToken token) {
        return reporter.userId().equals(token.holder());
    }
}
