package org.tokengov.registry;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out request numbers. The counter's one row is locked until the filing transaction ends, so two replicas never
 * give the same number, and a filing that rolls back gives its number back.
 */
@Component
class RequestNumbers {

    private final JdbcTemplate jdbc;

    RequestNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(Instant submittedAt) {
        int year = submittedAt.atZone(ZoneOffset.UTC).getYear();
        RequestNumberCounter last = jdbc.queryForObject(
                "select counter_year, last_number from request_number_counter where id = 1 for update",
                (row, index) -> new RequestNumberCounter(row.getInt("counter_year"), row.getInt("last_number")));
        RequestNumberCounter next = last.next(year, () -> highestPositionUsedIn(year));
        jdbc.update("update request_number_counter set counter_year = ?, last_number = ? where id = 1",
                next.year(), next.lastPosition());
        return next.number();
    }

    private int highestPositionUsedIn(int year) {
        return jdbc.queryForList("select request_number from token_request where request_number like ?", String.class,
                        "REQ-" + year + "-%").stream()
                .mapToInt(number -> RequestNumber.positionIn(number, year).orElse(0))
                .max().orElse(0);
    }
}
