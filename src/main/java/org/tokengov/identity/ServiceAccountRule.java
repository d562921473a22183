package org.tokengov.identity;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Service accounts get no token: by the identity store's flag or by the configured username pattern. */
@Component
public class ServiceAccountRule {

    private final Pattern pattern;

    public ServiceAccountRule(IdentityProperties properties) {
        this.pattern = Pattern.compile(properties.serviceAccountPattern(), Pattern.CASE_INSENSITIVE);
    }

    public boolean isServiceAccount(String username, Person person) {
        return pattern.matcher(username).matches() || (person != null && person.markedServiceAccount());
    }
}
