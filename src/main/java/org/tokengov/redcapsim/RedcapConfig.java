package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_config}: REDCap's system settings, of which the simulator reads a few (REDCAP-FACTS.md 1). */
final class RedcapConfig {

    static final String API_ENABLED = "api_enabled";
    static final String API_TOKEN_REQUEST_TYPE = "api_token_request_type";
    static final String PAGE_HIT_THRESHOLD_PER_MINUTE = "page_hit_threshold_per_minute";
    static final String RATE_LIMITER_IP_RANGE = "rate_limiter_ip_range";
    static final String SEND_EMAILS_ADMIN_TASKS = "send_emails_admin_tasks";

    /** REDCap's defaults (install_data.sql). */
    static final Map<String, String> DEFAULTS = defaults();

    private final JdbcTemplate jdbc;

    RedcapConfig(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(API_ENABLED, "1");
        defaults.put(API_TOKEN_REQUEST_TYPE, "admin_approve");
        defaults.put(PAGE_HIT_THRESHOLD_PER_MINUTE, "600");
        defaults.put(RATE_LIMITER_IP_RANGE, "");
        defaults.put(SEND_EMAILS_ADMIN_TASKS, "1");
        return Map.copyOf(defaults);
    }

    /** Adds the settings a database lacks, with REDCap's defaults; what is there stays. */
    void addDefaultsIfMissing() {
        DEFAULTS.forEach((name, value) -> {
            if (find(name).isEmpty()) {
                jdbc.update("INSERT INTO redcap_config (field_name, value) VALUES (?, ?)", name, value);
            }
        });
    }

    void set(String name, String value) {
        if (jdbc.update("UPDATE redcap_config SET value = ? WHERE field_name = ?", value, name) == 0) {
            jdbc.update("INSERT INTO redcap_config (field_name, value) VALUES (?, ?)", name, value);
        }
    }

    /** The setting, or REDCap's default when the table has none. */
    String get(String name) {
        return find(name).orElse(DEFAULTS.getOrDefault(name, ""));
    }

    int getInt(String name) {
        try {
            return Integer.parseInt(get(name).trim());
        } catch (NumberFormatException e) {
            return Integer.parseInt(DEFAULTS.get(name));
        }
    }

    private Optional<String> find(String name) {
        return jdbc.queryForList("SELECT value FROM redcap_config WHERE field_name = ?", String.class, name).stream()
                .findFirst().map(value -> value == null ? "" : value);
    }
}
