package org.tokengov.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokengov.identity.IdentityProperties;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.ServiceAccountRule;

/** Who may take over as the sponsor of an external user, and what the form says when someone may not. */
class NewSponsorRuleTest {

    static final IdentityProperties IDENTITY = new IdentityProperties("^(svc|service|sa|app)[_.-].*|.*[_.-](svc|service|bot)$",
            "redcap-api-qa", "redcap-api-prod");

    PeopleDirectory people = mock(PeopleDirectory.class);
    NewSponsorRule rule = new NewSponsorRule(people, new ServiceAccountRule(IDENTITY));

    @BeforeEach
    void directory() {
        when(people.find("rita")).thenReturn(Optional.of(person("rita", true, false, false)));
        when(people.find("Rita")).thenReturn(Optional.of(person("rita", true, false, false)));
        when(people.find("carol")).thenReturn(Optional.of(person("carol", false, false, false)));
        when(people.find("eve")).thenReturn(Optional.of(person("eve", true, false, true)));
        when(people.find("robot")).thenReturn(Optional.of(person("robot", true, true, false)));
        when(people.find("svc_etl")).thenReturn(Optional.of(person("svc_etl", true, false, false)));
        when(people.find("nobody")).thenReturn(Optional.empty());
    }

    @Test
    void anActiveInternalPersonIsAcceptedAsTheDirectorySpellsThem() {
        assertThat(rule.check(" Rita ", "erin", "pat").username()).isEqualTo("rita");
        assertThat(rule.check("rita", "erin", "pat").username()).isEqualTo("rita");
    }

    @Test
    void nobodyNamedIsRefused() {
        assertRefused(null, "Name the new sponsor's username.");
        assertRefused("  ", "Name the new sponsor's username.");
    }

    @Test
    void theExternalCannotSponsorThemselves() {
        assertRefused("ERIN", "'erin' cannot sponsor themselves.");
    }

    @Test
    void theSponsorWhoLeftCannotBeNamedAgain() {
        assertRefused("pat", "'pat' is the sponsor who left.");
    }

    @Test
    void anUnknownPersonIsRefused() {
        assertRefused("nobody", "No person 'nobody' exists in the identity store.");
    }

    @Test
    void aDisabledAccountIsRefused() {
        assertRefused("carol", "The account 'carol' is disabled.");
    }

    @Test
    void anExternalUserCannotSponsor() {
        assertRefused("eve", "'eve' is an external user.");
    }

    @Test
    void serviceAccountsCannotSponsorByFlagOrByName() {
        assertRefused("robot", "'robot' is a service account.");
        assertRefused("svc_etl", "'svc_etl' is a service account.");
    }

    private void assertRefused(String candidate, String problem) {
        assertThatThrownBy(() -> rule.check(candidate, "erin", "pat"))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("The sponsor of 'erin' must be an active internal person");
    }

    private static Person person(String username, boolean active, boolean serviceAccount, boolean external) {
        return new Person(username, username + "@example.org", username, active, serviceAccount, external,
                external ? "pat" : null);
    }
}
