-- Misuse cases (org.tokengov.fairuse): one FairUseCaseProcess each (business key = id). open_key is
-- token_id || ':' || rule while the case is open and null once closed, so a token has one open case per rule.
create table fair_use_case (
    id           varchar(36)   not null primary key,
    token_id     varchar(36)   not null,
    rule         varchar(32)   not null,
    holder       varchar(191)  not null,
    environment  varchar(8)    not null,
    project_id   bigint        not null,
    opened_at    timestamp     not null,
    deadline     timestamp     not null,
    state        varchar(16)   not null,
    open_key     varchar(80),
    closed_at    timestamp,
    decided_by   varchar(191),
    comments     varchar(2000)
);
create unique index fair_use_case_open on fair_use_case (open_key);
create index fair_use_case_token on fair_use_case (token_id, rule, closed_at);
