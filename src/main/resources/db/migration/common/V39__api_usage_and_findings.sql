-- What tokens do (org.tokengov.usage), counted from REDCap's log as the one log reader reads it: per REDCap user,
-- project and environment (the identity of a token in REDCap: one token per user and project), never a token value.

-- Calls per minute, kept for the rules that look at minutes (polling); pruned after tokengov.usage.minute-retention.
-- Keyed project first, then time: the reader merges a batch with the project's minutes in the batch's time range.
create table api_usage_minute (
    environment     varchar(8)   not null,
    project_id      bigint       not null,
    username        varchar(191) not null,
    minute_start    timestamp    not null,
    calls           integer      not null,
    record_exports  integer      not null,
    other_exports   integer      not null,
    imports         integer      not null,
    file_downloads  integer      not null,
    primary key (environment, project_id, minute_start, username)
);
create index api_usage_minute_time on api_usage_minute (minute_start);

-- Calls per hour, with the hour's busiest minute: what people see (90 days of use, hours of the week); pruned after
-- tokengov.usage.hour-retention.
create table api_usage_hour (
    environment          varchar(8)   not null,
    project_id           bigint       not null,
    username             varchar(191) not null,
    hour_start           timestamp    not null,
    calls                integer      not null,
    record_exports       integer      not null,
    other_exports        integer      not null,
    imports              integer      not null,
    file_downloads       integer      not null,
    busiest_minute_calls integer      not null,
    busiest_minute_at    timestamp    not null,
    primary key (environment, project_id, username, hour_start)
);
create index api_usage_hour_time on api_usage_hour (hour_start);
-- The reader merges a batch with the project's hours in the batch's time range; people's views read by user.
create index api_usage_hour_project_time on api_usage_hour (environment, project_id, hour_start);

-- Fair-use findings: a rule, a token, a window and what was observed there. One finding per token, rule and window.
create table fair_use_finding (
    id            varchar(36)   not null primary key,
    rule          varchar(32)   not null,
    certainty     varchar(16)   not null,
    severe        boolean       not null,
    token_id      varchar(36)   not null,
    holder        varchar(191)  not null,
    environment   varchar(8)    not null,
    project_id    bigint        not null,
    window_start  timestamp     not null,
    window_end    timestamp     not null,
    observed      varchar(2000) not null,
    found_at      timestamp     not null,
    case_id       varchar(36)
);
create unique index fair_use_finding_once on fair_use_finding (token_id, rule, window_start);
create index fair_use_finding_found on fair_use_finding (found_at);
