-- A PI's (or a REDCap administrator's) naming of the person who takes over a leaver's production token before the
-- leaving date. The reviewed code is copied from the predecessor's ledger when the naming is made, so the successor's
-- request shows and keeps what was reviewed, whatever happens to the predecessor's records later. A request becomes a
-- successor request only by finding an unused naming for its authenticated requester and production project; it
-- then marks the naming used (used_by_request_id), so one naming serves one request.
create table successor_naming (
    id                     varchar(36)  not null primary key,
    predecessor            varchar(191) not null,
    successor              varchar(191) not null,
    production_project_id  bigint       not null,
    predecessor_token_id   varchar(36)  not null,
    predecessor_request_id varchar(64),
    code_repository_url    varchar(500) not null,
    code_commit            varchar(40)  not null,
    reviewed_by            varchar(191) not null,
    reviewed_at            timestamp    not null,
    named_by               varchar(191) not null,
    named_at               timestamp    not null,
    leaving_at             timestamp    not null,
    used_by_request_id     varchar(64)
);
create index successor_naming_successor on successor_naming (successor, production_project_id);
create index successor_naming_token on successor_naming (predecessor_token_id);
create index successor_naming_request on successor_naming (used_by_request_id);
