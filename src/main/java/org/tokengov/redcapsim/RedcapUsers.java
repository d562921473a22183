package org.tokengov.redcapsim;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_user_information}: the people REDCap knows, whatever their projects. */
final class RedcapUsers {

    private final JdbcTemplate jdbc;

    RedcapUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of the given usernames REDCap does not know, sorted. */
    Set<String> unknown(Collection<String> usernames) {
        Set<String> unknown = new TreeSet<>();
        for (String username : usernames) {
            Integer count = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM redcap_user_information WHERE username = ?", Integer.class, username);
            if (count == 0) {
                unknown.add(username);
            }
        }
        return unknown;
    }
}
