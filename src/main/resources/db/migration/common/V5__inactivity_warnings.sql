-- The inactivity sweep warns a token's holder once per inactivity period (identified by its start: the last API
-- use, or the issue date of a never-used token). A new use starts a new period and allows a new warning.
create table inactivity_warning (
    token_id       varchar(36) not null primary key,
    inactive_since timestamp   not null,
    warned_at      timestamp   not null
);
