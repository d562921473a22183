-- Seals are as append-only as the entries they chain (audit_event_refuse_change is V2's).
create trigger audit_seal_append_only
    before update or delete on audit_seal
    for each row execute function audit_event_refuse_change();
