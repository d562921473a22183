package org.tokengov.offboarding;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What SCIM calls mean here. Creating a user only records them (nothing is provisioned in REDCap); deactivating or
 * deleting one records a termination, reactivating one that was deactivated a rehire. A user is addressed by the id
 * given at creation or, as before provisioning existed, by username: a username never created here is still
 * offboarded, with nothing stored about it.
 */
@Service
class ScimProvisioning {

    static final String SOURCE = "SCIM";

    private final ScimUsers users;
    private final OffboardingEvents events;
    private final Clock clock;

    ScimProvisioning(ScimUsers users, OffboardingEvents events, Clock clock) {
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** A user created inactive is a person the identity provider has disabled: their tokens go as for a deactivation. */
    @Transactional
    ScimUser create(ScimNewUser user) {
        if (users.byUserName(user.userName()).isPresent()) {
            throw taken();
        }
        ScimUser created;
        try {
            created = users.insert(user, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw taken();
        }
        if (!user.active()) {
            terminate(user.userName(), "SCIM: user created inactive");
        }
        return created;
    }

    Optional<ScimUser> find(String id) {
        return users.byId(id);
    }

    ScimListResponse<ScimUser> query(Optional<ScimFilter> filter, int startIndex, int count) {
        int total = users.count(filter);
        List<ScimUser> page = count == 0 ? List.of() : users.page(filter, startIndex - 1, count);
        return new ScimListResponse<>(total, startIndex, page);
    }

    /**
     * Applies {@code active} from a PatchOp. A deactivation always records a termination (twice revokes nothing more);
     * for a created user a reactivation records a rehire only when it was inactive, so a client resending
     * {@code active: true} lifts nothing. A username never created here keeps the behaviour from before: true records
     * a rehire.
     */
    @Transactional
    ScimUser patchActive(String idOrUsername, Optional<Boolean> active) {
        Optional<ScimUser> stored = addressed(idOrUsername);
        if (stored.isEmpty()) {
            active.ifPresent(isActive -> record(idOrUsername, isActive));
            return new ScimUser(idOrUsername, active.orElse(null));
        }
        ScimUser user = stored.get();
        if (active.isPresent()) {
            boolean changed = users.changeActive(user.id(), active.get(), clock.instant());
            if (!active.get() || changed) {
                record(user.userName(), active.get());
            }
        }
        return users.byId(user.id()).orElseThrow();
    }

    @Transactional
    void delete(String idOrUsername) {
        Optional<ScimUser> stored = addressed(idOrUsername);
        stored.ifPresent(user -> users.delete(user.id()));
        terminate(stored.map(ScimUser::userName).orElse(idOrUsername), "SCIM: user deleted");
    }

    private Optional<ScimUser> addressed(String idOrUsername) {
        return users.byId(idOrUsername).or(() -> users.byUserName(idOrUsername));
    }

    private void record(String username, boolean active) {
        events.record(username, SOURCE, "SCIM: active set to " + active,
                active ? OffboardingEvent.REHIRED : OffboardingEvent.TERMINATED, null, null);
    }

    private void terminate(String username, String reason) {
        events.record(username, SOURCE, reason, OffboardingEvent.TERMINATED, null, null);
    }

    private static ScimException taken() {
        return new ScimException(HttpStatus.CONFLICT, ScimException.UNIQUENESS, "userName is already taken.");
    }
}
