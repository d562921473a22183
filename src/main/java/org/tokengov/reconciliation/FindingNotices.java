package org.tokengov.reconciliation;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;
import org.tokengov.redcap.TokenInRedcap;

/** Who hears of what reconciliation found: the holder, the REDCap administrators, and the project's PIs. */
@Component
class FindingNotices {

    private static final Logger log = LoggerFactory.getLogger(FindingNotices.class);

    private final Notifier notifier;
    private final ProjectPis pis;

    FindingNotices(Notifier notifier, ProjectPis pis) {
        this.notifier = notifier;
        this.pis = pis;
    }

    /** A token's identity in words: never its value. */
    static String tokenWords(RedcapEnvironment environment, long projectId) {
        return projectId == TokenInRedcap.SUPER_TOKEN_PROJECT ? "the " + environment + " super API token"
                : "the " + environment + " API token on REDCap project " + projectId;
    }

    void tellHolder(String holder, RedcapEnvironment environment, long projectId, String finding, String action) {
        notifier.send(Notification.toUser(holder, MailKind.RECONCILIATION_FINDING_TO_HOLDER,
                Map.of("token", tokenWords(environment, projectId), "finding", finding, "action", action)));
    }

    /** The administrators, and with {@code toPis} the project's PIs (if REDCap answers: the administrators hear anyway). */
    void tellAdministrators(String holder, RedcapEnvironment environment, long projectId, String finding, String action,
            String changedBy, boolean toPis) {
        notifier.send(new Notification(toPis ? pisOf(holder, environment, projectId, false) : List.of(),
                List.of(ContractGroups.ADMINS), MailKind.RECONCILIATION_FINDING,
                Map.of("token", tokenWords(environment, projectId), "holder", holder, "finding", finding, "action", action,
                        "changedBy", changedBy)));
    }

    /** A service account's found token: its project's PIs and the administrators hear when it will stop working. */
    void tellCutover(String holder, RedcapEnvironment environment, long projectId, String cutoverOn) {
        // A step of its own that only tells: with the budget spent it waits for a later window, the PIs not left out.
        notifier.send(new Notification(pisOf(holder, environment, projectId, true), List.of(ContractGroups.ADMINS),
                MailKind.SERVICE_ACCOUNT_TOKEN_CUTOVER, Map.of("token", tokenWords(environment, projectId), "holder", holder,
                        "cutoverOn", cutoverOn)));
    }

    /**
     * The project's PIs but the holder. If REDCap cannot say, only the administrators are told, as after an action the
     * notice must not undo; with {@code waitForBudget} a spent budget is thrown instead, for the step to wait.
     */
    private List<String> pisOf(String holder, RedcapEnvironment environment, long projectId, boolean waitForBudget) {
        if (projectId == TokenInRedcap.SUPER_TOKEN_PROJECT) {
            return List.of();
        }
        try {
            return pis.of(environment, projectId).stream().filter(pi -> !pi.equalsIgnoreCase(holder)).toList();
        } catch (RedcapException e) {
            if (waitForBudget && e instanceof RateBudgetExhaustedException) {
                throw e;
            }
            log.warn("Could not ask REDCap {} for the PIs of project {} ({}): only the administrators are told",
                    environment, projectId, e.getMessage());
            return List.of();
        }
    }
}
