-- What became of each offboarding event, and evidence for auditors: which tokens it revoked and when.
alter table offboarding_event add column outcome varchar(16);
alter table offboarding_event add column outcome_details varchar(1000);
alter table offboarding_event add column completed_at timestamp;

create table offboarding_revocation (
    event_id    varchar(36)  not null,
    token_id    varchar(36)  not null,
    environment varchar(8)   not null,
    project_id  bigint       not null,
    revoked_at  timestamp,
    primary key (event_id, token_id)
);

-- Events recorded before this version were departures effective when received.
update offboarding_event set event_type = 'person.terminated' where event_type is null;
update offboarding_event set effective_at = received_at where effective_at is null;
update offboarding_event set outcome = 'RECEIVED' where outcome is null;
