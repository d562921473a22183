package org.tokengov.succession;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.request.Succession;
import org.tokengov.request.Successions;

/**
 * The successor namings in the app's database. A request takes an unused naming of its authenticated requester for its
 * production project, and marks it used in the same transaction, so one naming makes one successor request.
 */
@Service
class SuccessorNamings implements Successions {

    private static final String SELECT = """
            select id, predecessor, successor, production_project_id, predecessor_token_id, code_repository_url,
                   code_commit, reviewed_by, reviewed_at, named_by, leaving_at
            from successor_naming
            """;

    private final JdbcClient jdbc;

    SuccessorNamings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code predecessorRequestId} is null for a token adopted from REDCap whose code was reviewed after adoption. */
    void add(Succession naming, String predecessorRequestId, Instant namedAt) {
        jdbc.sql("""
                insert into successor_naming (id, predecessor, successor, production_project_id, predecessor_token_id,
                    predecessor_request_id, code_repository_url, code_commit, reviewed_by, reviewed_at, named_by,
                    named_at, leaving_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(naming.namingId(), naming.predecessor(), naming.successor(), naming.productionProjectId(),
                        naming.predecessorTokenId(), predecessorRequestId, naming.codeRepositoryUrl(), naming.codeCommit(),
                        naming.reviewedBy(), Timestamp.from(naming.reviewedAt()), naming.namedBy(), Timestamp.from(namedAt),
                        Timestamp.from(naming.leavingAt()))
                .update();
    }

    /** The naming for the predecessor's token that no request has taken yet. */
    Optional<Succession> unusedForToken(String tokenId) {
        return jdbc.sql(SELECT + " where predecessor_token_id = ? and used_by_request_id is null")
                .param(tokenId).query(SuccessorNamings::toSuccession).optional();
    }

    /** The naming of this successor on the project that no request has taken yet. */
    Optional<Succession> unusedFor(String successor, long productionProjectId) {
        return jdbc.sql(SELECT + " where successor = ? and production_project_id = ? and used_by_request_id is null")
                .params(successor, productionProjectId).query(SuccessorNamings::toSuccession).list().stream().findFirst();
    }

    @Override
    public Optional<Succession> claim(String requester, long productionProjectId, String requestId) {
        Optional<Succession> naming = unusedFor(requester, productionProjectId);
        // Guarded by "still unused": of two requests racing for one naming, one takes it.
        return naming.filter(found -> jdbc.sql(
                "update successor_naming set used_by_request_id = ? where id = ? and used_by_request_id is null")
                .params(requestId, found.namingId()).update() == 1);
    }

    @Override
    public Optional<Succession> ofRequest(String requestId) {
        return jdbc.sql(SELECT + " where used_by_request_id = ?").param(requestId)
                .query(SuccessorNamings::toSuccession).optional();
    }

    private static Succession toSuccession(ResultSet rs, int row) throws SQLException {
        return new Succession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                rs.getTimestamp(11).toInstant());
    }
}
