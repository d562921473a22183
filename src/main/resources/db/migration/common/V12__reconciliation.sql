-- Token states FOUND and REVOCATION_PENDING are longer than the column allowed.
alter table api_token alter column state set data type varchar(24);

-- The projects reconciliation has compared with REDCap at least once: a token found on any other project existed
-- before the project came under governance (onboarding), not made behind the system's back.
create table reconciled_project (
    environment   varchar(8)  not null,
    project_id    bigint      not null,
    first_run_at  timestamp   not null,
    primary key (environment, project_id)
);

-- One row per environment, locked for the length of a reconciliation, so that two runs (the timer and an
-- administrator) never record the same token twice.
create table reconciliation_run (
    environment     varchar(8) not null primary key,
    last_started_at timestamp
);
insert into reconciliation_run (environment) values ('QA');
insert into reconciliation_run (environment) values ('PROD');

-- Reconciliation looks a user's tokens on a project up by REDCap's case-insensitive username.
create index api_token_project_user on api_token (environment, project_id, holder);

-- The dashboard shows the last reconciliation: the newest audit entry of an action.
create index audit_event_action on audit_event (action, id);
