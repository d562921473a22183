-- Issue 13, item 2: REDCap accounts this system suspended for a termination (tokengov.offboarding.suspend-redcap-account),
-- per offboarding event and REDCap server, so that a rehire lifts only these and never a suspension an administrator
-- made for other reasons. suspended_time is the value written to REDCap (its local time); null when the manual mode
-- asked an administrator to suspend by hand.
create table redcap_account_suspension (
    event_id         varchar(36)  not null,
    environment      varchar(8)   not null,
    username         varchar(191) not null,
    suspended_time   timestamp,
    recorded_at      timestamp    not null,
    lifted_by_event  varchar(36),
    lifted_at        timestamp,
    primary key (event_id, environment)
);
create index redcap_account_suspension_user on redcap_account_suspension (username);
