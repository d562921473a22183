-- Tamper evidence for the audit trail (README "Anchoring the audit chain").
-- Each new entry carries a random id of its own (entry_uid) and a keyed MAC (HmacSHA256, hex) over its content,
-- written with the entry in the business transaction; nothing shared is locked there.
alter table audit_event add column entry_uid varchar(36);
alter table audit_event add column mac char(64);

-- The sealer chains committed entries in seal order, one insert-only row per entry: hash = SHA-256 over the previous
-- hash, seal_seq, the entry id, its MAC and its content. entry_mac is null for a legacy entry (written before this
-- migration, without a MAC); a MAC sealed twice would be a replayed copy of an entry.
create table audit_seal (
    seal_seq      bigint    not null primary key,
    entry_id      bigint    not null,
    entry_mac     char(64),
    previous_hash char(64)  not null,
    hash          char(64)  not null,
    sealed_at     timestamp not null
);
create unique index audit_seal_entry on audit_seal (entry_id);
create unique index audit_seal_entry_mac on audit_seal (entry_mac);
create index audit_seal_sealed_at on audit_seal (sealed_at);

-- The chain's head: one row, locked by the sealer alone (several replicas take turns). legacy_through: the last entry
-- written before this migration (sealed once as legacy). scan_from: entries up to it are settled (sealed, or reported
-- as written outside the app), so a regular run reads only later ones; next_scan_from becomes scan_from once every
-- transaction that could still commit an entry up to it has ended (tokengov.audit.settle-time after next_scan_from_at).
create table audit_chain_head (
    id                int       not null primary key,
    seal_seq          bigint    not null,
    hash              char(64)  not null,
    legacy_through    bigint    not null,
    scan_from         bigint    not null,
    next_scan_from    bigint    not null,
    next_scan_from_at timestamp not null
);
insert into audit_chain_head (id, seal_seq, hash, legacy_through, scan_from, next_scan_from, next_scan_from_at)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        (select coalesce(max(id), 0) from audit_event), 0, 0, timestamp '2000-01-01 00:00:00');
