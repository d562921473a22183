package org.tokengov.accessreview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ApiRights;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapRoleMemberException;
import org.tokengov.redcap.TokenRights;
import org.tokengov.redcaplog.RightsUsedInRedcap;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Minimum necessary access in the access review: per holder, the API rights enabled in REDCap (a role member's are the
 * role's) against the rights their calls used, as REDCap's log shows them; and the PI's reductions, carried out in
 * REDCap through the {@code redcap} port (never raising a right), audited, told to the PIs and administrators. A
 * member of a user role cannot be changed per user: an administrator does it by hand.
 */
@Service
class MinimumNecessaryAccess {

    /** A right enabled but not used for this long is pointed out: the quarter since the last review. */
    static final Duration UNUSED_AFTER = Duration.ofDays(90);

    /** What the review task shows about rights, and what it may reduce. */
    record Listing(HolderRights enabled, String text) {
    }

    private final RedcapApi redcap;
    private final RightsUsedInRedcap used;
    private final ApiRights rights;
    private final RedcapProperties servers;
    private final TokenRegistry registry;
    private final AuditTrail auditTrail;
    private final Notifier notifier;
    private final Clock clock;

    MinimumNecessaryAccess(RedcapApi redcap, RightsUsedInRedcap used, ApiRights rights, RedcapProperties servers,
            TokenRegistry registry, AuditTrail auditTrail, Notifier notifier, Clock clock) {
        this.redcap = redcap;
        this.used = used;
        this.rights = rights;
        this.servers = servers;
        this.registry = registry;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The holders' enabled rights (REDCap) and used rights (its log, as far as read). */
    Listing list(ReviewedProject project, List<String> holders) {
        Map<String, RedcapProjectUser> users = new LinkedHashMap<>();
        for (RedcapProjectUser user : redcap.projectUsers(project.environment(), project.projectId())) {
            users.put(user.username().toLowerCase(), user);
        }
        RightsUsedInRedcap.Project seen = used.on(project.environment(), project.projectId());
        Map<String, TokenRights> enabled = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (String holder : holders) {
            RedcapProjectUser user = users.get(holder.toLowerCase());
            if (user == null) {
                lines.add(holder + ": not a user of the project in REDCap (no API rights)");
                continue;
            }
            enabled.put(holder, user.apiRights());
            lines.add(holder + (user.inRole() ? " (user role " + user.roleName() + ": an administrator changes its rights)" : "")
                    + ": " + describe(user.apiRights(), seen.of(holder), seen));
        }
        return new Listing(new HolderRights(enabled), lines.isEmpty() ? "Nobody to list." : String.join("\n", lines));
    }

    /** Lowers each named holder's rights to what the PI keeps; what was done goes to the audit trail and the mail. */
    void reduce(ReviewedProject project, Map<String, TokenRights> keep, List<String> pis, String reviewer) {
        List<String> lines = new ArrayList<>();
        keep.forEach((holder, kept) -> {
            String line = holder + ": " + reduce(project, holder, kept, reviewer);
            Optional<IssuedToken> token = registry.liveToken(holder, project.environment(), project.projectId());
            auditTrail.record(reviewer, AuditAction.API_RIGHTS_REDUCED, token.map(IssuedToken::requestId).orElse(null),
                    token.map(IssuedToken::id).orElse(null), project.key() + ": " + line);
            lines.add(line);
        });
        if (!lines.isEmpty()) {
            notifier.send(new Notification(pis,
                    List.of(ContractGroups.ADMINS), MailKind.API_RIGHTS_REDUCED, Map.of("environment",
                            project.environment().name(), "project", project.projectId(), "reviewer", reviewer,
                            "lines", String.join("\n", lines))));
        }
    }

    private String reduce(ReviewedProject project, String holder, TokenRights kept, String reviewer) {
        String keeps = String.join(", ", HolderRights.words(kept));
        String byHand = "BY HAND: keep only " + keeps + " for " + holder + " on the project's User Rights page (";
        if (!servers.server(project.environment()).isEnrolled(project.projectId())) {
            return byHand + "the project is not governed by this system)";
        }
        try {
            return switch (rights.reduce(project.environment(), project.projectId(), holder, kept, reviewer)) {
                case REDUCED -> "API rights reduced in REDCap to " + keeps;
                case NOTHING_TO_REDUCE -> "nothing to reduce any more (already at most " + keeps + ")";
            };
        } catch (RedcapRoleMemberException roleMember) {
            return byHand + holder + " is in a user role, whose rights are shared: change the role, or move them out of it)";
        }
    }

    private String describe(TokenRights enabled, RightsUsedInRedcap.Use use, RightsUsedInRedcap.Project seen) {
        return String.join("; ", List.of(
                enabled.export() ? "export enabled, " + usage(use.lastExport(), seen) : "export off",
                enabled.importData() ? "import enabled, " + usage(use.lastImport(), seen) : "import off",
                enabled.mobileApp() ? "mobile app enabled (REDCap's log does not show its use apart)" : "mobile app off"));
    }

    private String usage(Instant last, RightsUsedInRedcap.Project seen) {
        if (!seen.read()) {
            return "use unknown: REDCap's log not read yet";
        }
        if (last == null) {
            return "no use seen " + (seen.seenFrom() == null ? "in REDCap's log" : "since " + day(seen.seenFrom()));
        }
        if (last.isBefore(clock.instant().minus(UNUSED_AFTER))) {
            return "not used in " + UNUSED_AFTER.toDays() + " days (last " + day(last) + ")";
        }
        return "last used " + day(last);
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
