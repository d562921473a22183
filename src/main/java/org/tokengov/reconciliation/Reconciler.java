package org.tokengov.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tokengov.redcap.TokenInRedcap;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/**
 * Compares what REDCap holds with what the registry knows, token by token: a token is a user's on a project (REDCap
 * holds one per user and project; usernames compare case-insensitively), or a user's super token. Pure: reading and
 * acting are the callers'. Callers compare a whole environment, then compare each finding's key again with fresh
 * reads before acting on it, so a token issued, regenerated or revoked meanwhile is never mistaken for a difference.
 */
final class Reconciler {

    private Reconciler() {
    }

    /**
     * @param onboarded the projects reconciled before (a token of any other project is an existing one to onboard)
     * @param issuing the tokens being issued right now: REDCap may already have them, the registry not yet
     * @param heldWithoutValue the held tokens whose value the hold deleted: any value REDCap holds for them is new
     */
    static List<Finding> compare(Collection<TokenInRedcap> inRedcap, Collection<IssuedToken> registered,
            Set<Long> onboarded, Set<Key> issuing, Set<String> heldWithoutValue) {
        Map<Key, Side> sides = new LinkedHashMap<>();
        for (TokenInRedcap token : inRedcap) {
            sides.computeIfAbsent(Key.of(token), key -> new Side()).redcap = token;
        }
        for (IssuedToken token : registered) {
            sides.computeIfAbsent(Key.of(token), key -> new Side()).registered.add(token);
        }
        List<Finding> findings = new ArrayList<>();
        sides.forEach((key, side) -> findings.addAll(compareKey(side.redcap, side.registered,
                onboarded.contains(key.projectId()), issuing.contains(key), heldWithoutValue)));
        return findings;
    }

    /**
     * The findings for one token identity: REDCap's token ({@code null} if REDCap has none) against every registry
     * entry of that user, project and environment, in any state.
     */
    static List<Finding> compareKey(TokenInRedcap inRedcap, List<IssuedToken> registered, boolean projectOnboarded,
            boolean issuing, Set<String> heldWithoutValue) {
        List<IssuedToken> working = registered.stream().filter(token -> token.state().inRedcap()).toList();
        List<Finding> findings = new ArrayList<>();
        if (inRedcap == null) {
            working.stream().filter(Reconciler::expectedInRedcap)
                    .forEach(token -> findings.add(new Finding(Finding.Kind.MISSING, null, token)));
            return findings;
        }
        if (!working.isEmpty()) {
            IssuedToken current = working.stream().filter(token -> inRedcap.fingerprint().sha256Hex().equals(token.fingerprint()))
                    .findFirst().orElse(working.get(0));
            compareWorking(inRedcap, current, heldWithoutValue.contains(current.id())).ifPresent(findings::add);
            // REDCap holds one token per user and project: any other working entry was replaced.
            working.stream().filter(token -> token != current && expectedInRedcap(token))
                    .forEach(token -> findings.add(new Finding(Finding.Kind.MISSING, null, token)));
        } else if (issuing) {
            return findings;
        } else if (!registered.isEmpty()) {
            findings.add(new Finding(Finding.Kind.REVIVED, inRedcap, latest(registered)));
        } else if (inRedcap.superToken() || projectOnboarded) {
            findings.add(new Finding(Finding.Kind.UNKNOWN, inRedcap, null));
        } else {
            findings.add(new Finding(Finding.Kind.EXISTING, inRedcap, null));
        }
        return findings;
    }

    /**
     * Whether REDCap must hold the token's value. A held token's value may be gone by design, and a pending revocation
     * is expected to end with the value gone.
     */
    private static boolean expectedInRedcap(IssuedToken token) {
        return token.state() == TokenState.QA_ACTIVE || token.state() == TokenState.ACTIVE
                || token.state() == TokenState.FOUND;
    }

    private static Optional<Finding> compareWorking(TokenInRedcap token, IssuedToken registered, boolean heldWithoutValue) {
        if (registered.state() == TokenState.SUSPENDED && heldWithoutValue) {
            // The hold deleted the value: whatever value REDCap holds now was made while it was held.
            return Optional.of(new Finding(Finding.Kind.HOLD_UNDONE, token, registered));
        }
        if (registered.fingerprint() == null) {
            return Optional.of(new Finding(Finding.Kind.FINGERPRINT_LEARNED, token, registered));
        }
        if (!registered.fingerprint().equals(token.fingerprint().sha256Hex())) {
            return Optional.of(new Finding(Finding.Kind.CHANGED, token, registered));
        }
        if (registered.state() == TokenState.SUSPENDED && token.rights().any()) {
            return Optional.of(new Finding(Finding.Kind.HOLD_UNDONE, token, registered));
        }
        if (registered.state() == TokenState.REVOCATION_PENDING && token.rights().any()) {
            return Optional.of(new Finding(Finding.Kind.REVIVED, token, registered));
        }
        return Optional.empty();
    }

    private static IssuedToken latest(List<IssuedToken> known) {
        return known.stream().max(Comparator.comparing(IssuedToken::issuedAt)).orElseThrow();
    }

    private static final class Side {
        private TokenInRedcap redcap;
        private final List<IssuedToken> registered = new ArrayList<>();
    }

    /** A token's identity in REDCap: environment, project (0 for a super token) and user. */
    record Key(String environment, long projectId, String username) {

        static Key of(TokenInRedcap token) {
            return new Key(token.environment().name(), token.projectId(), token.username().toLowerCase(Locale.ROOT));
        }

        static Key of(IssuedToken token) {
            return new Key(token.environment().name(), token.projectId(), token.holder().toLowerCase(Locale.ROOT));
        }
    }
}
