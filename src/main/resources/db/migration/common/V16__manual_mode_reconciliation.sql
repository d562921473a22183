-- Manual (API) mode reconciliation reads the token events the log reader kept: how far it has acted on them, per
-- project, so a run scoped to some projects, or one that left a project for the next run, skips nobody's events.
create table reconciled_token_event (
    environment         varchar(8) not null,
    project_id          bigint     not null,
    last_token_event_id bigint     not null,
    primary key (environment, project_id)
);
