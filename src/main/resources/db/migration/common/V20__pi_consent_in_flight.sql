-- The PI consent gate (issue 13): issuance now needs a PI_CONSENT entry after the request's eligibility. Requests
-- that passed eligibility before this version never met the gate; they are recorded as such, once, so they go on as
-- they began and an auditor sees which tokens came before the PI's consent was asked for.
insert into ledger_entry (case_type, case_id, kind, outcome, actor, subject, recorded_at, details, backfilled)
select 'REQUEST', r.id, 'PI_CONSENT', 'BEFORE_CONSENT_GATE', 'system', null, current_timestamp,
       'eligible before the PI consent gate existed', true
from token_request r
where r.status = 'SUBMITTED'
  and exists (select 1 from ledger_entry e where e.case_type = 'REQUEST' and e.case_id = r.id
              and e.kind = 'ELIGIBILITY' and e.outcome = 'ELIGIBLE');
