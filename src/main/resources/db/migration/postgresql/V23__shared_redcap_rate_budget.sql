-- The REDCap rate budget shared by all replicas: one row per REDCap server, and one slot per permit holding when a call
-- last started on it (the database's clock). A call may start on a slot only a window after its last start, so no more
-- than the budget's calls start in any window, whichever replica takes them. PostgreSQL only: the embedded H2 default
-- runs one node and keeps its budget in the JVM.
create table redcap_rate_budget (
    environment varchar(8) primary key,
    permits     integer    not null check (permits > 0)
);

-- Every call rewrites one row: room on each page lets PostgreSQL update in place (no index covers started_at).
create table redcap_rate_slot (
    environment varchar(8)               not null references redcap_rate_budget (environment),
    slot        integer                  not null,
    started_at  timestamp with time zone not null,
    primary key (environment, slot)
) with (fillfactor = 50);
