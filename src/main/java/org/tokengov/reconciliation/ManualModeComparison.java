package org.tokengov.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcaplog.TokenEventInRedcap;
import org.tokengov.redcaplog.TokenEventKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/**
 * What the manual (API) mode can compare, without REDCap's database: REDCap's user export shows API rights but never a
 * token, and REDCap's log shows token events at minute resolution, naming the holder only when the holder acted (the
 * project's API page). So a token is known to exist only through its events, and a value regenerated outside cannot
 * be learned. Pure: the caller reads REDCap, the log reader's events and the registry, and acts on what this returns.
 */
final class ManualModeComparison {

    /** The API's log shows minutes: an event in the minute of an issue, or before it, may be that issue. */
    static final Duration LOG_RESOLUTION = Duration.ofMinutes(1);

    /**
     * What this system did in REDCap itself, so its own events are not taken for someone else's.
     *
     * @param issuing (project, lower-case user) of issuances in progress: an administrator may be making the token now
     * @param handRegenerations per token id, when this system recorded a regeneration by hand in the Control Center
     * @param regeneratingByHand token ids whose regeneration by hand an administrator is doing now
     * @param heldByRightsOff token ids held by switching their API rights off (the API mode's hold)
     */
    record OwnDoings(Set<Reconciler.Key> issuing, Map<String, List<Instant>> handRegenerations,
            Set<String> regeneratingByHand, Set<String> heldByRightsOff) {
    }

    private ManualModeComparison() {
    }

    /**
     * @param events the token events of enrolled projects not acted on yet, oldest first
     * @param registered the registry's tokens of those projects
     * @param users per project, its users as REDCap's user export shows them (a role's rights for its members)
     * @param onboarded the projects reconciled before
     */
    static List<ManualModeFinding> compare(RedcapEnvironment environment, List<TokenEventInRedcap> events,
            Collection<IssuedToken> registered, Map<Long, List<RedcapProjectUser>> users, Set<Long> onboarded,
            OwnDoings own) {
        List<ManualModeFinding> findings = new ArrayList<>();
        for (TokenEventInRedcap event : latestPerUser(events)) {
            fromEvent(environment, event, registered, users, onboarded, own).ifPresent(findings::add);
        }
        for (IssuedToken token : registered) {
            fromRights(environment, token, users, own).filter(finding -> findings.stream().noneMatch(
                    earlier -> earlier.registered() != null && earlier.registered().id().equals(token.id())))
                    .ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * A user's token on a project is what their latest event left (made, regenerated, deleted): a token made and deleted
     * since the last run is no finding, and a token regenerated twice is one. Events naming no user each stand alone.
     */
    private static List<TokenEventInRedcap> latestPerUser(List<TokenEventInRedcap> events) {
        Map<String, TokenEventInRedcap> latest = new LinkedHashMap<>();
        List<TokenEventInRedcap> unnamed = new ArrayList<>();
        for (TokenEventInRedcap event : events) {
            if (event.kind() != TokenEventKind.CREATED && event.kind() != TokenEventKind.REGENERATED
                    && event.kind() != TokenEventKind.DELETED) {
                continue;
            }
            if (event.username() == null) {
                unnamed.add(event);
            } else {
                String key = event.projectId() + "/" + event.username().toLowerCase(Locale.ROOT);
                latest.remove(key);
                latest.put(key, event);
            }
        }
        List<TokenEventInRedcap> result = new ArrayList<>(unnamed);
        result.addAll(latest.values());
        result.sort(Comparator.comparingLong(TokenEventInRedcap::id));
        return result;
    }

    private static Optional<ManualModeFinding> fromEvent(RedcapEnvironment environment,
            TokenEventInRedcap event, Collection<IssuedToken> registered, Map<Long, List<RedcapProjectUser>> users,
            Set<Long> onboarded, OwnDoings own) {
        TokenEventKind kind = event.kind();
        if (event.username() == null) {
            return finding(ManualModeFinding.Kind.UNATTRIBUTED, environment, event, null, null);
        }
        List<IssuedToken> mine = registered.stream().filter(token -> token.projectId() == event.projectId()
                && token.holder().equalsIgnoreCase(event.username())).toList();
        if (mine.stream().anyMatch(token -> issuedAtOrAfter(token, event))
                || own.issuing().contains(new Reconciler.Key(environment.name(), event.projectId(),
                        event.username().toLowerCase(Locale.ROOT)))) {
            // The event made (or cleared the way for) a token this system registered afterwards, or is registering.
            return Optional.empty();
        }
        IssuedToken live = mine.stream().filter(token -> token.state().isLive()).findFirst().orElse(null);
        boolean knownInRedcap = mine.stream().anyMatch(token -> token.state() == TokenState.FOUND
                || token.state() == TokenState.REVOCATION_PENDING);
        RedcapProjectUser user = userOf(users, event.projectId(), event.username());
        return switch (kind) {
            case DELETED -> live == null ? Optional.empty()
                    : finding(ManualModeFinding.Kind.MISSING, environment, event, live, user);
            case REGENERATED -> {
                if (live != null) {
                    yield ours(live, event, own) ? Optional.empty()
                            : finding(ManualModeFinding.Kind.CHANGED, environment, event, live, user);
                }
                yield knownInRedcap ? Optional.empty() : found(environment, event, onboarded, user);
            }
            default -> {
                if (live != null) {
                    // One token per user and project: a token made now replaced the registered one.
                    yield finding(ManualModeFinding.Kind.CHANGED, environment, event, live, user);
                }
                yield knownInRedcap ? Optional.empty() : found(environment, event, onboarded, user);
            }
        };
    }

    private static Optional<ManualModeFinding> fromRights(RedcapEnvironment environment, IssuedToken token,
            Map<Long, List<RedcapProjectUser>> users, OwnDoings own) {
        RedcapProjectUser user = userOf(users, token.projectId(), token.holder());
        if (user == null || user.inRole() || !user.apiRights().any()) {
            // A role member's rights were never ours to switch: the administrators were told to act in REDCap.
            return Optional.empty();
        }
        if (token.state() == TokenState.REVOCATION_PENDING) {
            return Optional.of(new ManualModeFinding(ManualModeFinding.Kind.REVIVED, environment,
                    token.projectId(), token.holder(), null, token, user));
        }
        if (token.state() == TokenState.SUSPENDED && own.heldByRightsOff().contains(token.id())) {
            return Optional.of(new ManualModeFinding(ManualModeFinding.Kind.HOLD_UNDONE, environment,
                    token.projectId(), token.holder(), null, token, user));
        }
        return Optional.empty();
    }

    private static Optional<ManualModeFinding> found(RedcapEnvironment environment, TokenEventInRedcap event,
            Set<Long> onboarded, RedcapProjectUser user) {
        return finding(onboarded.contains(event.projectId()) ? ManualModeFinding.Kind.UNKNOWN
                : ManualModeFinding.Kind.EXISTING, environment, event, null, user);
    }

    private static Optional<ManualModeFinding> finding(ManualModeFinding.Kind kind,
            RedcapEnvironment environment, TokenEventInRedcap event, IssuedToken registered, RedcapProjectUser user) {
        String holder = user != null ? user.username() : event.username();
        return Optional.of(new ManualModeFinding(kind, environment, event.projectId(), holder, event,
                registered, user));
    }

    /** The token was registered in the event's minute or later: the event is part of its issue. */
    private static boolean issuedAtOrAfter(IssuedToken token, TokenEventInRedcap event) {
        return token.issuedAt() != null && !token.issuedAt().plus(LOG_RESOLUTION).isBefore(event.at());
    }

    /** A regeneration this system asked an administrator for, done now or recorded at the event's minute or later. */
    private static boolean ours(IssuedToken token, TokenEventInRedcap event, OwnDoings own) {
        return own.regeneratingByHand().contains(token.id()) || own.handRegenerations().getOrDefault(token.id(), List.of())
                .stream().anyMatch(at -> !at.plus(LOG_RESOLUTION).isBefore(event.at()));
    }

    private static RedcapProjectUser userOf(Map<Long, List<RedcapProjectUser>> users, long projectId, String username) {
        return users.getOrDefault(projectId, List.of()).stream().filter(user -> user.username().equalsIgnoreCase(username))
                .findFirst().orElse(null);
    }
}
