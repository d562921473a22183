package org.tokengov.identity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * People from Camunda's own identity store (the embedded default). Flags live in Camunda's user info:
 * {@value #SERVICE_ACCOUNT_INFO}=true marks a service account, {@value #DISABLED_INFO}=true a disabled user.
 */
@Component
public class CamundaIdentityDirectory implements PeopleDirectory {

    public static final String SERVICE_ACCOUNT_INFO = "serviceAccount";
    public static final String DISABLED_INFO = "disabled";

    private final IdentityService identityService;

    public CamundaIdentityDirectory(IdentityService identityService) {
        this.identityService = identityService;
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

    private Person toPerson(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Person(user.getId(), user.getEmail(), name.isEmpty() ? user.getId() : name,
                !"true".equals(identityService.getUserInfo(user.getId(), DISABLED_INFO)),
                "true".equals(identityService.getUserInfo(user.getId(), SERVICE_ACCOUNT_INFO)));
    }

    /**
     * Process steps run as the user who triggered them, who may not read other users. Looking people
     * up is the system's business, so it runs without the caller's authorizations.
     */
    private static <T> T systemRead(Callable<T> read) {
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
