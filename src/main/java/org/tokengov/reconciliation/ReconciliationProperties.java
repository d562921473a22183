package org.tokengov.reconciliation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Reconciliation's settings ({@code tokengov.reconciliation}).
 *
 * @param cycle how often {@code ReconciliationProcess} runs (ISO 8601 repeating interval)
 * @param adoptionGrace how long an adopted token (found, or existing at onboarding) stays valid before its holder
 *        must renew it, going through renewal, attestation and the review after the fact like everyone else
 * @param serviceAccountCutover the day found tokens of service accounts are revoked (the policy gives them none), so
 *        the data pipelines that use them can move to personal tokens first; unset: {@code serviceAccountNotice} after
 *        the token was found
 * @param serviceAccountNotice the notice a service account's found token gets when no cutover day is set
 */
@Validated
@ConfigurationProperties("tokengov.reconciliation")
public record ReconciliationProperties(@NotBlank String cycle, @NotNull Duration adoptionGrace,
        LocalDate serviceAccountCutover, @NotNull Duration serviceAccountNotice) {

    public ReconciliationProperties {
        cycle = cycle == null || cycle.isBlank() ? "R/PT15M" : cycle;
        adoptionGrace = adoptionGrace == null ? Duration.ofDays(90) : adoptionGrace;
        serviceAccountNotice = serviceAccountNotice == null ? Duration.ofDays(30) : serviceAccountNotice;
        if (adoptionGrace.isNegative() || adoptionGrace.isZero()) {
            throw new IllegalArgumentException("tokengov.reconciliation.adoption-grace must be positive");
        }
        if (serviceAccountNotice.isNegative()) {
            throw new IllegalArgumentException("tokengov.reconciliation.service-account-notice must not be negative");
        }
    }
}
