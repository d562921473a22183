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

-- Issue 13, item 3: which API rights a user's calls used, per project, as REDCap's log shows them (export calls and
-- import calls, by the log row's description). REDCap's log rows of the mobile app are not known from its facts: no
-- column for them.
alter table redcap_api_use add column last_export_at timestamp;
alter table redcap_api_use add column last_import_at timestamp;
-- Since when the reader tells export from import calls: rows read before this version were not classified. Null: from
-- the project's first read on (the reader takes the project's whole log the first time).
alter table redcap_log_cursor add column rights_seen_from timestamp;
update redcap_log_cursor set rights_seen_from = current_timestamp where read_at is not null;
