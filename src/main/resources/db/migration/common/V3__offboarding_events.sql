-- People reported as gone (disabled or deleted in the identity store; later also HR events). One row per
-- report; the offboarding itself is a process keyed by the row's id.
create table offboarding_event (
    id          varchar(36)  not null primary key,
    username    varchar(191) not null,
    source      varchar(32)  not null,
    reason      varchar(500) not null,
    received_at timestamp    not null
);
create index offboarding_event_username on offboarding_event (username, received_at);
