package org.tokengov.registry;

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

    /** REDCap's usernames are case-insensitive. */
    @Query("select * from api_token where environment = :environment and project_id = :projectId"
            + " and lower(holder) = lower(:holder)")
    List<IssuedToken> findOfUserOn(String environment, long projectId, String holder);

    List<IssuedToken> findByHolder(String holder);

    List<IssuedToken> findByFingerprint(String fingerprint);

    @Query("select distinct holder from api_token where state in ('QA_ACTIVE', 'ACTIVE', 'SUSPENDED') order by holder")
    List<String> findLiveHolders();
}
