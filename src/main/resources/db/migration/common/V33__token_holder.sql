-- One row per person whose tokens the app issues or revokes. Issuance and offboarding lock it (select ... for update)
-- before they read or write the person's tokens, so a termination and an issuance of the same person follow one
-- another on every replica; and it keeps whether the person left (the termination in effect), which issuance reads.
create table token_holder (
    username              varchar(191) not null primary key,
    departure_event_id    varchar(64),
    departure_effective_at timestamp
);

-- People who left before this version: their newest termination or rehire in effect is a termination that went ahead
-- (revoked, revoking, or held in a wave), not one ignored or rejected.
insert into token_holder (username, departure_event_id, departure_effective_at)
select e.username, e.id, e.effective_at
from offboarding_event e
where e.event_type = 'person.terminated'
  and e.outcome in ('COMPLETED', 'AWAITING_REDCAP', 'HELD_FOR_WAVE')
  and not exists (
      select 1 from offboarding_event later
      where later.username = e.username
        and later.id <> e.id
        and ((later.event_type = 'person.terminated' and later.outcome in ('COMPLETED', 'AWAITING_REDCAP', 'HELD_FOR_WAVE'))
             or (later.event_type = 'person.rehired' and later.outcome = 'RECORDED'))
        and (later.effective_at > e.effective_at or (later.effective_at = e.effective_at and later.id > e.id)));
