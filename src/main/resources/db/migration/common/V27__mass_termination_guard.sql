-- Issue 14, item 9: the mass-termination guard. Every termination that becomes due is counted here, in the database
-- every replica shares; more than tokengov.offboarding.mass-termination.threshold within the window opens a wave.
-- REDCap refuses a wave member's tokens at once (reversibly), and the irreversible rest waits for a redcap-admins
-- decision on the whole wave (TerminationWaveProcess).
create table termination_count (
    event_id   varchar(36) not null primary key,
    counted_at timestamp   not null
);
create index termination_count_at on termination_count (counted_at);

-- state: OPEN until decided, then CONFIRMED or REJECTED; decided_by is the authenticated administrator, or
-- 'system' when the decision deadline passed (confirmed).
create table termination_wave (
    id         varchar(36)   not null primary key,
    opened_at  timestamp     not null,
    state      varchar(16)   not null,
    decided_by varchar(191),
    decided_at timestamp,
    comments   varchar(4000)
);

-- The held departures of a wave; refused_at: when REDCap was made to refuse their tokens.
create table termination_wave_member (
    event_id   varchar(36) not null primary key,
    wave_id    varchar(36) not null,
    joined_at  timestamp   not null,
    refused_at timestamp
);
create index termination_wave_member_wave on termination_wave_member (wave_id);

-- API (manual) mode: the PI's API rights of each held token before the guard turned them off, restored exactly on a
-- rejection. outcome PENDING (recorded, not yet off), RIGHTS_OFF, or ROLE_MEMBER (REDCap's API cannot change a role
-- member's rights: nothing was changed).
create table termination_wave_hold (
    event_id   varchar(36) not null,
    token_id   varchar(36) not null,
    api_export boolean     not null,
    api_import boolean     not null,
    mobile_app boolean     not null,
    outcome    varchar(16) not null,
    primary key (event_id, token_id)
);

-- The one row every replica locks while counting, so two replicas never open two waves at once or miss a member.
create table termination_guard_lock (
    id int not null primary key
);
insert into termination_guard_lock (id) values (1);
