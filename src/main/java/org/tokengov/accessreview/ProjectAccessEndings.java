package org.tokengov.accessreview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * "Also end project access": of the holders a PI revokes, those who left the project also lose their REDCap access to
 * it, through the same path as an HR or PI report of {@code person.left_project}: an offboarding event with source
 * {@value #SOURCE}, whose process sets their User Rights expiration, audits and tells the PIs and administrators. Only
 * production projects: a QA project's access ends with its production project's (the offboarding's scope).
 */
@Service
class ProjectAccessEndings {

    static final String SOURCE = "ACCESS_REVIEW";
    private static final String PREFIX = "Also end project access: ";

    private final OffboardingEvents offboardings;
    private final AuditTrail auditTrail;

    ProjectAccessEndings(OffboardingEvents offboardings, AuditTrail auditTrail) {
        this.offboardings = offboardings;
        this.auditTrail = auditTrail;
    }

    /**
     * The form's text, read strictly: only holders the same answer revokes, and only on a production project.
     *
     * @return the named holders, in the spelling and order of {@code revoked}
     */
    static List<String> read(Object text, List<String> revoked, ReviewedProject project) {
        String written = text == null ? "" : text.toString();
        if (written.length() > AccessReviewAnswer.USERNAMES_MAX) {
            throw new AccessReviewAnswer.Invalid(List.of(PREFIX + "at most " + AccessReviewAnswer.USERNAMES_MAX
                    + " characters."));
        }
        Set<String> named = new LinkedHashSet<>(Arrays.stream(written.trim().split("[,;\\s]+"))
                .filter(name -> !name.isEmpty()).toList());
        if (named.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (project.environment() != RedcapEnvironment.PROD) {
            problems.add(PREFIX + "only on a production project's review; QA access ends with the production"
                    + " project's. Leave it empty here.");
        }
        List<String> notRevoked = named.stream().filter(name -> spelling(name, revoked).isEmpty()).toList();
        if (!notRevoked.isEmpty()) {
            problems.add(PREFIX + "only people whose token you revoke above: " + String.join(", ", notRevoked) + ".");
        }
        if (!problems.isEmpty()) {
            throw new AccessReviewAnswer.Invalid(problems);
        }
        Set<String> ending = new LinkedHashSet<>();
        named.forEach(name -> ending.add(spelling(name, revoked).orElseThrow()));
        return revoked.stream().filter(ending::contains).toList();
    }

    /** Registers one {@code person.left_project} event per holder, effective now; each decision audited. */
    void end(ReviewedProject project, List<String> holders, String reviewer) {
        for (String holder : holders) {
            String event = offboardings.record(holder, SOURCE, "access review of " + project.key() + " by " + reviewer,
                    OffboardingEvent.LEFT_PROJECT, project.projectId(), null);
            auditTrail.record(reviewer, AuditAction.ACCESS_REVIEW_DECIDED, null, null, project.key() + ": end "
                    + holder + "'s REDCap access to the project (offboarding event " + event + ")");
        }
    }

    private static Optional<String> spelling(String name, List<String> revoked) {
        return revoked.stream().filter(name::equalsIgnoreCase).findFirst();
    }
}
