package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.registry.TokenRegistry;

/**
 * Called when an internal person leaves: every external they sponsored who holds a live token gets a
 * {@code SponsorReplacementProcess}. Safe to call again for the same event (the caller may be retried).
 */
@Service
public class SponsorCascade {

    private static final Logger log = LoggerFactory.getLogger(SponsorCascade.class);

    private final PeopleDirectory people;
    private final TokenRegistry registry;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;

    SponsorCascade(PeopleDirectory people, TokenRegistry registry, RuntimeService runtime, HistoryService history,
            IdentityService identity) {
        this.people = people;
        this.registry = registry;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
    }

    /** Starts the replacement for each sponsored external with a live token; returns how many were started now. */
    public int startFor(String departedSponsor, String offboardingEventId) {
        int started = 0;
        for (Person person : people.sponsoredBy(departedSponsor)) {
            if (person.external() && holdsLiveToken(person.username())
                    && start(person.username(), departedSponsor, offboardingEventId)) {
                started++;
            }
        }
        return started;
    }

    private boolean holdsLiveToken(String username) {
        return registry.ofHolder(username).stream().anyMatch(token -> token.state().isLive());
    }

    private boolean start(String external, String departedSponsor, String offboardingEventId) {
        String businessKey = businessKey(offboardingEventId, external);
        // The caller checked who reported the departure; starting the replacement is the system's business.
        return SystemAuthority.call(identity, () -> {
            if (alreadyStarted(businessKey) || replacementRunningFor(external)) {
                return false;
            }
            runtime.startProcessInstanceByKey(PROCESS, businessKey, Variables.createVariables()
                    .putValue(EXTERNAL, external)
                    .putValue(DEPARTED_SPONSOR, departedSponsor)
                    .putValue(OFFBOARDING_EVENT_ID, offboardingEventId));
            log.info("Sponsor replacement started for {}: sponsor {} left (event {})", external, departedSponsor,
                    offboardingEventId);
            return true;
        });
    }

    /**
     * One replacement at a time per external: a second report of the same departure (another event id) must not add a
     * second deadline that could revoke tokens the first replacement released.
     */
    private boolean replacementRunningFor(String external) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).variableValueEquals(EXTERNAL, external)
                .count() > 0;
    }

    /** History too: a replacement that already ended must not start again when the event is retried. */
    private boolean alreadyStarted(String businessKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(businessKey)
                .count() > 0
                || history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                        .processInstanceBusinessKey(businessKey).count() > 0;
    }
}
