package org.tokengov.identity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityInfoEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * People from Camunda's own identity store (the embedded default). Flags live in Camunda's user info:
 * {@value #SERVICE_ACCOUNT_INFO}=true marks a service account, {@value #DISABLED_INFO}=true a disabled user,
 * {@value #EXTERNAL_INFO}=true an external user whose sponsor is in {@value #SPONSOR_INFO}.
 */
@Component
@Profile("!keycloak")
public class CamundaIdentityDirectory implements PeopleDirectory {

    public static final String SERVICE_ACCOUNT_INFO = "serviceAccount";
    public static final String DISABLED_INFO = "disabled";
    public static final String EXTERNAL_INFO = "external";
    public static final String SPONSOR_INFO = "sponsor";

    private final IdentityService identityService;
    private final ManagementService managementService;

    public CamundaIdentityDirectory(IdentityService identityService, ManagementService managementService) {
        this.identityService = identityService;
        this.managementService = managementService;
    }

    @Override
    public Optional<Person> find(String username) {
        return systemRead(() -> Optional.ofNullable(identityService.createUserQuery().userId(username).singleResult())
                .map(this::toPerson));
    }

    @Override
    public List<Person> membersOf(String groupId) {
        return systemRead(() -> identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(this::toPerson)
                .filter(Person::active)
                .toList());
    }

    /**
     * One query joining the user table to the user info that names the sponsor: every offboarding asks this, and
     * reading each user's info in turn made it as slow as the identity store is large.
     */
    @Override
    public List<Person> sponsoredBy(String sponsor) {
        String sql = "SELECT U.* FROM " + managementService.getTableName(UserEntity.class) + " U JOIN "
                + managementService.getTableName(IdentityInfoEntity.class) + " I ON I.USER_ID_ = U.ID_"
                + " WHERE I.TYPE_ = #{type} AND I.KEY_ = #{key} AND I.VALUE_ = #{sponsor} ORDER BY U.ID_";
        return systemRead(() -> identityService.createNativeUserQuery().sql(sql)
                .parameter("type", IdentityInfoEntity.TYPE_USERINFO)
                .parameter("key", SPONSOR_INFO)
                .parameter("sponsor", sponsor)
                .list().stream()
                .map(this::toPerson)
                .toList());
    }

    @Override
    public void assignSponsor(String external, String sponsor) {
        systemRead(() -> {
            if (!sponsor.equals(identityService.getUserInfo(external, SPONSOR_INFO))) {
                identityService.setUserInfo(external, SPONSOR_INFO, sponsor);
            }
            return null;
        });
    }

    private Person toPerson(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        String id = user.getId();
        return new Person(id, user.getEmail(), name.isEmpty() ? id : name,
                !"true".equals(identityService.getUserInfo(id, DISABLED_INFO)),
                "true".equals(identityService.getUserInfo(id, SERVICE_ACCOUNT_INFO)),
                "true".equals(identityService.getUserInfo(id, EXTERNAL_INFO)),
                identityService.getUserInfo(id, SPONSOR_INFO));
    }

    /**
     * Process steps run as the user who triggered them, who may not read other users. Looking people
     * up is the system's business, so it runs without the caller's authorizations.
     */
    static <T> T systemRead(Callable<T> read) {
        CommandContext commandContext = Context.getCommandContext();
        try {
            return commandContext == null ? read.call() : commandContext.runWithoutAuthorization(read);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
