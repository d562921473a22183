package org.tokengov.redcapsim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated REDCap servers, keyed by the environment name used in their URLs ({@code qa}, {@code prod}).
 *
 * @param hangDuration the longest a simulated hang holds an API call
 * @param timeZone the servers' local time zone, in which REDCap writes its log's {@code ts}, its to-do and ban times
 *        and decides what "today" is for expirations (REDCAP-FACTS.md 6); this JVM's zone when not set
 */
@Validated
@ConditionalOnRedcapSimulator
@ConfigurationProperties("redcap-sim")
record RedcapSimProperties(
        boolean enabled,
        @DefaultValue("30s") @NotNull Duration hangDuration,
        ZoneId timeZone,
        @NotEmpty Map<@Pattern(regexp = "[a-z0-9-]+") String, @Valid @NotNull Environment> environments) {

    RedcapSimProperties {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
        environments = environments == null ? Map.of() : Map.copyOf(environments);
    }

    /**
     * One simulated REDCap server.
     *
     * @param stewardTokens project id to the API token of {@value DemoData#STEWARD} on that project
     * @param pageHitThresholdPerMinute when set, written into {@code redcap_config.page_hit_threshold_per_minute} at
     *        start (REDCap's default, 600, otherwise): for load tests that must go above it, and tests of the ban
     */
    record Environment(
            @NotBlank String jdbcUrl,
            String username,
            String password,
            boolean seedDemoData,
            Map<Integer, String> stewardTokens,
            @Positive Integer pageHitThresholdPerMinute) {

        private static final java.util.regex.Pattern PROJECT_TOKEN = java.util.regex.Pattern.compile("[0-9A-F]{32}");

        Environment {
            stewardTokens = stewardTokens == null ? Map.of() : Map.copyOf(stewardTokens);
            stewardTokens.forEach((projectId, token) -> {
                if (token == null || !PROJECT_TOKEN.matcher(token).matches()) {
                    // Checked here rather than with @Pattern: a validation failure would print the value.
                    throw new IllegalArgumentException(
                            "steward-tokens." + projectId + " must be 32 uppercase hexadecimal characters");
                }
            });
        }

        @Override
        public String toString() {
            return "Environment[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***, seedDemoData="
                    + seedDemoData + ", stewardTokens=" + stewardTokens.keySet() + ", pageHitThresholdPerMinute="
                    + pageHitThresholdPerMinute + "]";
        }
    }
}
