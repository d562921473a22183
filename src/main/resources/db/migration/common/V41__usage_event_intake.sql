-- API calls reported by a REDCap External Module or reverse proxy through POST /api/usage-events (org.tokengov.usage),
-- so the fair-use rules can tell a filtered record export from a full one, which REDCap's log cannot. Only counts and
-- flags are kept: never the record names, field names, filter logic or dates a call asked for (they can be PHI), and
-- never a token. sender_id is the sender's id of the call: the same id again is not stored twice. Pruned after
-- tokengov.usage.reported-call-retention.
create table api_usage_call (
    environment       varchar(8)   not null,
    sender_id         varchar(255) not null,
    project_id        bigint       not null,
    username          varchar(191) not null,
    called_at         timestamp    not null,
    content           varchar(32)  not null,
    action            varchar(32)  not null,
    record_count      integer      not null,
    field_count       integer      not null,
    form_count        integer      not null,
    has_filter_logic  boolean      not null,
    has_date_range    boolean      not null,
    has_file_field    boolean      not null,
    received_at       timestamp    not null,
    primary key (environment, sender_id)
);
create index api_usage_call_key on api_usage_call (environment, project_id, username, called_at);
create index api_usage_call_time on api_usage_call (called_at);
