package org.tokengov.registry;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface TokenRequestRepository extends ListCrudRepository<TokenRequestRecord, String> {

    List<TokenRequestRecord> findByRequesterOrderBySubmittedAtDesc(String requester);

    List<TokenRequestRecord> findAllByOrderBySubmittedAtDesc();
}
