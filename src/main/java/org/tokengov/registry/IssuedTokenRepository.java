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

    List<IssuedToken> findByEnvironmentAndProjectId(RedcapEnvironment environment, long projectId);

    List<IssuedToken> findByHolder(String holder);

    @Query("select distinct holder from api_token where state in ('QA_ACTIVE', 'ACTIVE', 'SUSPENDED') order by holder")
    List<String> findLiveHolders();
}
