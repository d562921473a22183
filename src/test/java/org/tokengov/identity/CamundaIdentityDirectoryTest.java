package org.tokengov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.testsupport.BpmnTestEngine;

/** The embedded identity store's look-ups, on an engine's own tables (H2). */
class CamundaIdentityDirectoryTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final List<String> USERS = List.of("pat", "erin", "eve", "ext-b", "sam", "nosponsor");

    IdentityService identity;
    CamundaIdentityDirectory directory;

    @BeforeEach
    void people() {
        identity = engine.getIdentityService();
        directory = new CamundaIdentityDirectory(identity, engine.getManagementService());
        USERS.forEach(username -> identity.saveUser(identity.newUser(username)));
        external("erin", "pat");
        external("eve", "pat");
        external("ext-b", "sam");
        // The sponsor's name under another key is not a sponsorship.
        identity.setUserInfo("nosponsor", CamundaIdentityDirectory.EXTERNAL_INFO, "pat");
    }

    @AfterEach
    void remove() {
        USERS.forEach(identity::deleteUser);
    }

    @Test
    void sponsoredByFindsExactlyThePeopleWhoseSponsorInfoNamesTheSponsor() {
        assertThat(directory.sponsoredBy("pat")).extracting(Person::username).containsExactly("erin", "eve");
        assertThat(directory.sponsoredBy("pat")).allSatisfy(person -> {
            assertThat(person.external()).isTrue();
            assertThat(person.sponsor()).isEqualTo("pat");
        });
        assertThat(directory.sponsoredBy("sam")).extracting(Person::username).containsExactly("ext-b");
        assertThat(directory.sponsoredBy("nobody")).isEmpty();
    }

    @Test
    void aChangedSponsorMovesThePerson() {
        identity.setUserInfo("eve", CamundaIdentityDirectory.SPONSOR_INFO, "sam");

        assertThat(directory.sponsoredBy("pat")).extracting(Person::username).containsExactly("erin");
        assertThat(directory.sponsoredBy("sam")).extracting(Person::username).containsExactly("eve", "ext-b");
    }

    private void external(String username, String sponsor) {
        identity.setUserInfo(username, CamundaIdentityDirectory.EXTERNAL_INFO, "true");
        identity.setUserInfo(username, CamundaIdentityDirectory.SPONSOR_INFO, sponsor);
    }
}
