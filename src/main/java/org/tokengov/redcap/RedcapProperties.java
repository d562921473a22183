package org.tokengov.redcap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The REDCap servers this system governs, one per environment ({@code tokengov.redcap.environments.qa|prod}).
 * Steward tokens and database passwords are secrets: they come from the environment, never from code.
 */
@Validated
@ConfigurationProperties("tokengov.redcap")
public record RedcapProperties(@NotEmpty Map<RedcapEnvironment, @Valid @NotNull Server> environments) {

    /** REDCap bans an IP for good at 600 calls a minute; we stay far below that by default. */
    public static final int DEFAULT_RATE_BUDGET_PER_MINUTE = 120;

    public Server server(RedcapEnvironment environment) {
        Server server = environments.get(environment);
        if (server == null) {
            throw new IllegalStateException("No REDCap server configured for " + environment
                    + " (tokengov.redcap.environments." + environment.name().toLowerCase() + ")");
        }
        return server;
    }

    public record Server(
            @NotNull URI apiUrl,
            @NotNull TokenAdministrationMode tokenAdministration,
            @Valid Database database,
            Map<Long, String> stewardTokens,
            Set<Long> enrolledProjects,
            ZoneId timeZone,
            @Positive Integer rateBudgetPerMinute,
            Duration connectTimeout,
            Duration requestTimeout) {

        public Server {
            database = database == null || database.jdbcUrl() == null || database.jdbcUrl().isBlank() ? null : database;
            stewardTokens = stewardTokens == null ? Map.of() : Map.copyOf(stewardTokens);
            enrolledProjects = enrolledProjects == null ? Set.of() : Set.copyOf(enrolledProjects);
            // REDCap logs its server's wall-clock time; UTC only when the server runs on UTC.
            timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
            rateBudgetPerMinute = rateBudgetPerMinute == null ? DEFAULT_RATE_BUDGET_PER_MINUTE : rateBudgetPerMinute;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
            if (tokenAdministration == TokenAdministrationMode.DATABASE && database == null) {
                throw new IllegalArgumentException("token-administration DATABASE needs a database (jdbc-url, username, password)");
            }
        }

        /**
         * Whether this system governs the project's tokens: it is listed in {@code enrolled-projects} (the database
         * mode needs no API token of its own), or this system holds a steward token for it.
         */
        public boolean isEnrolled(long projectId) {
            String token = stewardTokens.get(projectId);
            return enrolledProjects.contains(projectId) || token != null && !token.isBlank();
        }

        /** The fingerprints of this system's own steward tokens: REDCap holds them, and they are nobody's to govern. */
        public Set<TokenFingerprint> stewardFingerprints() {
            return stewardTokens.values().stream().filter(token -> token != null && !token.isBlank())
                    .map(TokenFingerprint::of).collect(Collectors.toUnmodifiableSet());
        }

        /** The projects this system governs. */
        @Override
        public Set<Long> enrolledProjects() {
            return Stream.concat(enrolledProjects.stream(), stewardTokens.keySet().stream()).filter(this::isEnrolled)
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public String toString() {
            return "Server[apiUrl=" + apiUrl + ", tokenAdministration=" + tokenAdministration + ", database=" + database
                    + ", enrolledProjects=" + enrolledProjects() + ", timeZone=" + timeZone
                    + ", rateBudgetPerMinute=" + rateBudgetPerMinute
                    + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
        }
    }

    public record Database(String jdbcUrl, String username, String password) {

        @Override
        public String toString() {
            return "Database[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
        }
    }
}
