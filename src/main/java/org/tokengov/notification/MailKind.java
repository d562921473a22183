package org.tokengov.notification;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of mail the system sends, each with its template in {@code templates/mail/notices/<file>.txt} and the
 * names of the values its model holds: exactly these, never null (use "" or an empty list for "none"). A
 * {@link Notification} whose model misses a value, or carries one more, fails when it is made; a template that names
 * a value its model lacks fails when it is rendered.
 */
public enum MailKind {

    // The request pipeline
    REQUEST_RECEIVED("request-received", "number", "project", "qaProject", "intendedUse", "usageDescription", "callSchedule",
            "callsPerDay"),
    SPONSORSHIP_REMINDER("sponsorship-reminder", "requester", "project"),
    REQUEST_WAITING_FOR_PI("request-waiting-for-pi", "project", "missing"),
    PI_APPROVAL_REMINDER("pi-approval-reminder", "requester", "project"),
    QA_TESTING_REMINDER("qa-testing-reminder", "project"),
    CODE_REVIEW_REMINDER("code-review-reminder", "requester", "project"),
    RELEASE_APPROVAL_REMINDER("release-approval-reminder", "requester", "project"),
    CODE_REVIEW_PASSED("code-review-passed", "project", "comments"),
    CHANGES_REQUESTED("changes-requested", "project", "comments"),
    RELEASE_APPROVED("release-approved", "project", "comments"),
    PRODUCTION_TOKEN_READY("production-token-ready", "number", "project"),
    REQUEST_INELIGIBLE("request-ineligible", "number", "project", "reason"),
    REQUEST_REJECTED("request-rejected", "number", "project", "reason"),
    REQUEST_TIMED_OUT("request-timed-out", "number", "project", "reason"),
    REQUEST_TIMED_OUT_TO_ADMINS("request-timed-out-to-admins", "number", "project", "requestId", "requester"),
    REQUEST_REFUSED("request-refused", "number", "project", "reason"),
    /** A token was to be created or restored but a gate was missing in the request ledger. */
    ISSUANCE_REFUSED_TO_ADMINS("issuance-refused-to-admins", "what", "holder", "gate", "reference"),
    // Sponsorship
    SPONSOR_LEFT_HOLD("sponsor-left-hold", "departedSponsor", "projects", "due"),
    SPONSOR_REPLACEMENT_NEEDED("sponsor-replacement-needed", "external", "departedSponsor", "projects", "due"),
    SPONSORED_TOKENS_RELEASED("sponsored-tokens-released", "newSponsor", "newValues"),
    SPONSORED_TOKENS_REVOKED("sponsored-tokens-revoked", "count"),
    NEW_SPONSOR("new-sponsor", "external", "departedSponsor", "namedBy"),
    // Offboarding
    OFFBOARDING_REPORT_TO_PI("offboarding-report-to-pi", "username", "leftProject", "source", "projects", "account"),
    OFFBOARDING_REPORT_TO_ADMINS("offboarding-report-to-admins", "username", "leftProject", "source", "projects",
            "details", "eventId", "account"),
    /** A rehire: the REDCap account suspensions this system set at the termination, lifted or asked of them. */
    REDCAP_ACCOUNT_UNSUSPENDED("redcap-account-unsuspended", "username", "lines"),
    /** The mass-termination guard: a wave waits for a redcap-admins decision; and what became of it. */
    TERMINATION_WAVE_REMINDER("termination-wave-reminder", "held", "openedAt"),
    TERMINATION_WAVE_DECIDED("termination-wave-decided", "decision", "held", "decidedBy", "comments"),
    /** A held termination of a rejected wave: the tokens work again. */
    TERMINATION_REJECTED_TO_PI("termination-rejected-to-pi", "username", "projects"),
    TERMINATION_REJECTED_TO_ADMINS("termination-rejected-to-admins", "username", "eventId", "lines"),
    /** A person left a project: what was done to their REDCap access, to the project's PIs and the administrators. */
    PROJECT_ACCESS_ENDED("project-access-ended", "username", "project", "expiration", "lines"),
    // Successors of leavers
    /** To the successor: who they take over from, and how to request (the QA test comes prefilled). */
    SUCCESSOR_NAMED("successor-named", "predecessor", "successor", "project", "repository", "commit", "leavingOn",
            "namedBy"),
    SUCCESSOR_NAMED_TO_PREDECESSOR("successor-named-to-predecessor", "predecessor", "successor", "project",
            "repository", "commit", "leavingOn", "namedBy"),
    // Annual policy attestation
    ATTESTATION_REQUESTED("attestation-requested", "due"),
    ATTESTATION_REMINDER("attestation-reminder"),
    ATTESTATION_REVOKED("attestation-revoked", "count"),
    // Inactivity sweep
    INACTIVITY_WARNING("inactivity-warning", "environment", "project", "since", "due", "unusedPeriod"),
    // A token's lifecycle
    RENEWAL_NOTICE("renewal-notice", "environment", "project", "expiresOn"),
    RENEWAL_REMINDER("renewal-reminder", "environment", "project", "expiresOn"),
    TOKEN_RENEWED("token-renewed", "environment", "project", "expiresOn"),
    TOKEN_EXPIRED("token-expired", "environment", "project"),
    TOKEN_REVOKED("token-revoked", "environment", "project", "reason"),
    TOKEN_COMPROMISED_RIGHTS_OFF("token-compromised-rights-off", "environment", "project", "reportedBy"),
    TOKEN_REGENERATED("token-regenerated", "environment", "project"),
    TOKEN_REGENERATED_TO_ADMINS("token-regenerated-to-admins", "environment", "project", "holder", "reportedBy"),
    TOKEN_REVOKED_FOR_MISUSE_TO_PROJECT_ADMINS("token-revoked-for-misuse-to-project-admins", "environment", "project",
            "holder"),
    TOKEN_SUSPENDED("token-suspended", "environment", "project", "holder", "reason", "suspensions", "banned"),
    TOKEN_SUSPENDED_TO_PROJECT_ADMINS("token-suspended-to-project-admins", "environment", "project", "holder",
            "reason", "suspensions", "banned"),
    TOKEN_REINSTATED("token-reinstated", "environment", "project", "newValue"),
    CODE_CHANGE_APPROVED("code-change-approved", "environment", "project", "comments"),
    CODE_CHANGE_CHANGES_REQUESTED("code-change-changes-requested", "environment", "project", "comments"),
    CODE_CHANGE_REJECTED_TOKEN_KEPT("code-change-rejected-token-kept", "environment", "project", "reviewComments",
            "decisionComments"),
    TOKEN_REINSTATED_TO_PROJECT_ADMINS("token-reinstated-to-project-admins", "environment", "project", "holder"),
    // Access reviews
    ACCESS_REVIEW_REQUESTED("access-review-requested", "environment", "project", "pis", "holders", "due"),
    ACCESS_REVIEW_REMINDER("access-review-reminder", "environment", "project"),
    ACCESS_REVIEW_ESCALATED("access-review-escalated", "environment", "project", "pis"),
    /** A PI reduced holders' API rights in an access review: what was done in REDCap, to the PIs and administrators. */
    API_RIGHTS_REDUCED("api-rights-reduced", "environment", "project", "reviewer", "lines"),
    // Reconciliation with REDCap
    RECONCILIATION_FINDING("reconciliation-finding", "token", "holder", "finding", "action", "changedBy"),
    RECONCILIATION_FINDING_TO_HOLDER("reconciliation-finding-to-holder", "token", "finding", "action"),
    SERVICE_ACCOUNT_TOKEN_CUTOVER("service-account-token-cutover", "token", "holder", "cutoverOn"),
    TOKEN_ADOPTED("token-adopted", "environment", "project", "expiresOn"),
    /** A live token's value was in an upload to the leak scan: to its holder, with the file and line. */
    TOKEN_FOUND_IN_UPLOAD("token-found-in-upload", "environment", "project", "where", "scannedBy", "scannedAt"),
    EXTENSION_REFUSED("extension-refused", "environment", "project", "expiresOn", "reason"),
    /** Once per wave of the Control Center worklist (manual mode), to the administrators it is offered to. */
    CONTROL_CENTER_WORKLIST("control-center-worklist", "environment", "count", "lines"),
    // Fair use: misuse cases
    /** What a misuse case's findings showed, to the holder: fix it by the deadline, or the administrators decide. */
    FAIR_USE_FINDING("fair-use-finding", "environment", "project", "rule", "observed", "policy", "deadline", "toAdmins",
            "why"),
    FAIR_USE_NO_FIX_BY_DEADLINE("fair-use-no-fix-by-deadline", "environment", "project", "rule", "deadline"),
    FAIR_USE_WARNING("fair-use-warning", "environment", "project", "rule", "policy", "comments", "decidedBy"),
    FAIR_USE_CASE_DISMISSED("fair-use-case-dismissed", "environment", "project", "rule", "comments", "decidedBy"),
    // The generic mail of a new user task (see MailTemplates#taskWaiting)
    TASK_WAITING("task-waiting", "taskKey", "taskName", "dueDate");

    static final String FOLDER = "notices/";

    private final String file;
    private final Set<String> modelValues;

    MailKind(String file, String... values) {
        this.file = file;
        this.modelValues = Set.of(values);
    }

    /** The template's path below {@code templates/mail/}. */
    public String template() {
        return FOLDER + file + ".txt";
    }

    /** The names of the values a model of this kind holds. */
    public Set<String> modelValues() {
        return modelValues;
    }

    /** The model as given, if it holds exactly this kind's values; otherwise an error naming the difference. */
    Map<String, Object> check(Map<String, Object> model) {
        Map<String, Object> copy = Map.copyOf(model); // rejects null values
        if (!copy.keySet().equals(modelValues)) {
            Set<String> missing = new TreeSet<>(modelValues);
            missing.removeAll(copy.keySet());
            Set<String> unknown = new TreeSet<>(copy.keySet());
            unknown.removeAll(modelValues);
            throw new IllegalArgumentException("A " + this + " mail needs the values " + new TreeSet<>(modelValues)
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (unknown.isEmpty() ? "" : "; unknown " + unknown));
        }
        return copy;
    }
}
