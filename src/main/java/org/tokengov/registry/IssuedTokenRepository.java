package org.tokengov.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.tokengov.redcap.RedcapEnvironment;

interface IssuedTokenRepository extends ListCrudRepository<IssuedToken, String> {

    List<IssuedToken> findByHolderAndEnvironmentAndProjectIdAndStateIn(
            String holder, RedcapEnvironment environment, long projectId, Collection<TokenState> states);

    List<IssuedToken> findByEnvironmentAndProjectIdAndStateIn(
            RedcapEnvironment environment, long projectId, Collection<TokenState> states);

    List<IssuedToken> findByRequestId(String requestId);

    List<IssuedToken> findByEnvironment(RedcapEnvironment environment);

    List<IssuedToken> findByEnvironmentAndProjectId(RedcapEnvironment environment, long projectId);

    List<IssuedToken> findByStateIn(Collection<TokenState> states);

    /** REDCap's usernames are case-insensitive. */
    @Query("select * from api_token where environment = :environment and project_id = :projectId"
            + " and lower(holder) = lower(:holder)")
    List<IssuedToken> findOfUserOn(String environment, long projectId, String holder);

    /** Registered before {@code end} and not ended (or ended at {@code start} or later). */
    @Query("select * from api_token where environment = :environment and project_id = :projectId"
            + " and issued_at < :end and (revoked_at is null or revoked_at >= :start) order by holder, issued_at")
    List<IssuedToken> findHeldBetween(String environment, long projectId, Instant start, Instant end);

    List<IssuedToken> findByHolder(String holder);

    List<IssuedToken> findByFingerprint(String fingerprint);

    @Query("select distinct holder from api_token where state in ('QA_ACTIVE', 'ACTIVE', 'SUSPENDED') order by holder")
    List<String> findLiveHolders();
}
