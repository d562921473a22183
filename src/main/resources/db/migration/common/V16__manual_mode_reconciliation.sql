-- Manual (API) mode reconciliation reads the token events the log reader kept: how far it has acted on them.
alter table reconciliation_run add column last_token_event_id bigint default 0 not null;
