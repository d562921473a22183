-- Auditors must be able to trust that nothing in the audit trail was changed or removed by the app.
create function audit_event_refuse_change() returns trigger as $$
begin
    raise exception 'audit_event is append-only';
end;
$$ language plpgsql;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
