-- Keycloak admin events already acted on, so that replicas and restarts neither repeat nor miss one: the read starts
-- a little before the newest event seen (events can be stored out of time order) and skips the ids found here.
-- Only the recent ones are kept.
create table keycloak_admin_event_seen (
    event_id   varchar(64) not null primary key,
    event_time bigint      not null
);
create index keycloak_admin_event_seen_time on keycloak_admin_event_seen (event_time);
