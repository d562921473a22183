package org.tokengov.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

interface TokenRequestRepository extends ListCrudRepository<TokenRequestRecord, String>,
        ListPagingAndSortingRepository<TokenRequestRecord, String> {

    List<TokenRequestRecord> findByRequesterOrderBySubmittedAtDesc(String requester);

    Optional<TokenRequestRecord> findByNumber(String number);

    Page<TokenRequestRecord> findByRequester(String requester, Pageable page);

    Page<TokenRequestRecord> findByStatusIn(Collection<RequestStatus> statuses, Pageable page);

    Page<TokenRequestRecord> findByRequesterAndStatusIn(String requester, Collection<RequestStatus> statuses, Pageable page);

    List<TokenRequestRecord> findByStatusOrderBySubmittedAtDesc(RequestStatus status);

    List<TokenRequestRecord> findByRequesterAndStatusOrderBySubmittedAtDesc(String requester, RequestStatus status);

    List<TokenRequestRecord> findBySubmittedAtGreaterThanEqual(Instant from);

    List<TokenRequestRecord> findByStatusInAndClosedAtGreaterThanEqual(Collection<RequestStatus> statuses, Instant from,
            Pageable page);

    List<TokenRequestRecord> findByRequesterAndStatusInAndClosedAtGreaterThanEqual(String requester,
            Collection<RequestStatus> statuses, Instant from, Pageable page);

    List<TokenRequestRecord> findByRequesterAndSubmittedAtGreaterThanEqual(String requester, Instant from);
}
