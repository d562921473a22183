-- Nothing the app records as a gate may change afterwards: ledger entries are append-only, and a request as
-- submitted is frozen (only where it stands and how it ended may change).
create trigger ledger_entry_append_only
    before update or delete on ledger_entry
    for each row execute function audit_event_refuse_change();

create function token_request_refuse_change() returns trigger as $$
begin
    if new.requester is distinct from old.requester
        or new.production_project_id is distinct from old.production_project_id
        or new.qa_project_id is distinct from old.qa_project_id
        or new.right_export is distinct from old.right_export
        or new.right_import is distinct from old.right_import
        or new.right_mobile_app is distinct from old.right_mobile_app
        or new.intended_use is distinct from old.intended_use
        or new.usage_description is distinct from old.usage_description
        or new.call_schedule is distinct from old.call_schedule
        or new.expected_calls_per_day is distinct from old.expected_calls_per_day
        or new.fair_use_accepted is distinct from old.fair_use_accepted
        or new.submitted_at is distinct from old.submitted_at
        or new.backfilled is distinct from old.backfilled then
        raise exception 'token_request: the request as submitted is frozen';
    end if;
    return new;
end;
$$ language plpgsql;

create trigger token_request_frozen
    before update on token_request
    for each row execute function token_request_refuse_change();

create trigger token_request_not_deleted
    before delete on token_request
    for each row execute function audit_event_refuse_change();
