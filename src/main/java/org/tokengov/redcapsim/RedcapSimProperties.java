package org.tokengov.redcapsim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated REDCap servers, keyed by the environment name used in their URLs ({@code qa}, {@code prod}).
 *
 * @param hangDuration the longest a simulated hang holds an API call
 */
@Validated
@ConditionalOnRedcapSimulator
@ConfigurationProperties("redcap-sim")
record RedcapSimProperties(
        boolean enabled,
        @DefaultValue("30s") @NotNull Duration hangDuration,
        @NotEmpty Map<@Pattern(regexp = "[a-z0-9-]+") String, @Valid @NotNull Environment> environments) {

    RedcapSimProperties {
        environments = environments == null ? Map.of() : Map.copyOf(environments);
    }

    /**
     * One simulated REDCap server.
     *
     * @param stewardTokens project id to the API token of {@value DemoData#STEWARD} on that project
     */
    record Environment(
            @NotBlank String jdbcUrl,
            String username,
            String password,
            boolean seedDemoData,
            Map<Integer, String> stewardTokens) {

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
                    + seedDemoData + ", stewardTokens=" + stewardTokens.keySet() + "]";
        }
    }
}
