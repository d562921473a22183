-- Misuse cases (org.tokengov.fairuse): one FairUseCaseProcess each (business key = id). open_key is
-- token_id || ':' || rule while the case is open and null once closed, so a token has one open case per rule.
-- admins_first: decided when the case opened, from the app's records (a severe finding, or a repeat of a case of the
-- same token and rule closed within the repeat window); the process's gateway reads it, never a variable.
-- decision: the administrators' (DISMISS, WARN, SUSPEND), read by the process's gateway after the decision task.
-- finding_id: the finding that opened the case (always set by FairUseCases); later findings of the same token and rule
-- link to the case (fair_use_finding.case_id).
create table fair_use_case (
    id             varchar(36)   not null primary key,
    token_id       varchar(36)   not null,
    rule           varchar(32)   not null,
    holder         varchar(191)  not null,
    environment    varchar(8)    not null,
    project_id     bigint        not null,
    finding_id     varchar(36),
    admins_first   boolean       default false not null,
    opened_at      timestamp     not null,
    deadline       timestamp     not null,
    state          varchar(16)   not null,
    open_key       varchar(80),
    decision       varchar(16),
    closed_at      timestamp,
    decided_by     varchar(191),
    fix_described  varchar(4000),
    comments       varchar(4000)
);
create unique index fair_use_case_open on fair_use_case (open_key);
create index fair_use_case_token on fair_use_case (token_id, rule, closed_at);
