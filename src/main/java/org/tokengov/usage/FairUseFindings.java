package org.tokengov.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tokengov.redcap.RedcapEnvironment;

/** The fair-use findings ({@code fair_use_finding}): one per token, rule and window. */
@Repository
public class FairUseFindings {

    private static final String COLUMNS = "id, rule, certainty, severe, token_id, holder, environment, project_id,"
            + " window_start, window_end, observed, found_at, case_id";

    private final JdbcTemplate jdbc;

    FairUseFindings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A finding not known yet for its token, rule and window. */
    public record NewFinding(FairUseRule rule, Certainty certainty, boolean severe, String tokenId, String holder,
            RedcapEnvironment environment, long projectId, Instant windowStart, Instant windowEnd, String observed) {
    }

    /**
     * Records the finding unless one exists for the token, rule and window start; a later evaluation of the same
     * window that sees more (the window grew, a suspicion was confirmed) updates what was observed.
     *
     * @return the finding when it is new or has just become confirmed (so it may open a case), empty when it was known
     */
    public Optional<Finding> record(NewFinding found, Instant now) {
        Optional<Finding> known = jdbc.query("select " + COLUMNS + " from fair_use_finding where token_id = ? and rule = ?"
                        + " and window_start = ?", FairUseFindings::finding, found.tokenId(), found.rule().name(),
                Timestamp.from(found.windowStart())).stream().findFirst();
        if (known.isPresent()) {
            Finding before = known.get();
            if (before.certainty() == Certainty.CONFIRMED && found.certainty() == Certainty.SUSPECTED) {
                return Optional.empty();
            }
            boolean severe = before.severe() || found.severe();
            jdbc.update("update fair_use_finding set window_end = ?, observed = ?, certainty = ?, severe = ? where id = ?",
                    Timestamp.from(found.windowEnd()), shortened(found.observed()), found.certainty().name(), severe,
                    before.id());
            boolean confirmedNow = before.certainty() == Certainty.SUSPECTED && found.certainty() == Certainty.CONFIRMED;
            return confirmedNow ? find(before.id()) : Optional.empty();
        }
        Finding finding = new Finding(UUID.randomUUID().toString(), found.rule(), found.certainty(), found.severe(),
                found.tokenId(), found.holder(), found.environment(), found.projectId(), found.windowStart(),
                found.windowEnd(), shortened(found.observed()), now, null);
        jdbc.update("insert into fair_use_finding (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                finding.id(), finding.rule().name(), finding.certainty().name(), finding.severe(), finding.tokenId(),
                finding.holder(), finding.environment().name(), finding.projectId(), Timestamp.from(finding.windowStart()),
                Timestamp.from(finding.windowEnd()), finding.observed(), Timestamp.from(now), null);
        return Optional.of(finding);
    }

    public void linkCase(String findingId, String caseId) {
        jdbc.update("update fair_use_finding set case_id = ? where id = ?", caseId, findingId);
    }

    public Optional<Finding> find(String id) {
        return jdbc.query("select " + COLUMNS + " from fair_use_finding where id = ?", FairUseFindings::finding, id)
                .stream().findFirst();
    }

    /** Findings found in [from, to), newest first, at most {@code limit}. */
    public List<Finding> foundBetween(Instant from, Instant to, int limit) {
        return jdbc.query("select " + COLUMNS + " from fair_use_finding where found_at >= ? and found_at < ?"
                        + " order by found_at desc, id limit ?", FairUseFindings::finding, Timestamp.from(from),
                Timestamp.from(to), limit);
    }

    /** A token's findings found since {@code since}, newest first. */
    public List<Finding> ofToken(String tokenId, Instant since) {
        return jdbc.query("select " + COLUMNS + " from fair_use_finding where token_id = ? and found_at >= ?"
                + " order by found_at desc, id", FairUseFindings::finding, tokenId, Timestamp.from(since));
    }

    /** A holder's findings found since {@code since}, newest first. */
    public List<Finding> ofHolder(String holder, Instant since) {
        return jdbc.query("select " + COLUMNS + " from fair_use_finding where holder = ? and found_at >= ?"
                + " order by found_at desc, id", FairUseFindings::finding, holder, Timestamp.from(since));
    }

    private static String shortened(String observed) {
        return observed.length() <= 2000 ? observed : observed.substring(0, 1999) + "…";
    }

    private static Finding finding(ResultSet rs, int row) throws SQLException {
        return new Finding(rs.getString(1), FairUseRule.valueOf(rs.getString(2)), Certainty.valueOf(rs.getString(3)),
                rs.getBoolean(4), rs.getString(5), rs.getString(6), RedcapEnvironment.valueOf(rs.getString(7)),
                rs.getLong(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getString(13));
    }
}
