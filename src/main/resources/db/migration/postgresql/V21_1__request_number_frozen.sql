-- A request's number is quoted in mails and by people: once given, it never changes (see V10_1: the request as
-- submitted is frozen).
create or replace function token_request_refuse_change() returns trigger as $$
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
        or new.backfilled is distinct from old.backfilled
        or new.request_number is distinct from old.request_number then
        raise exception 'token_request: the request as submitted is frozen';
    end if;
    return new;
end;
$$ language plpgsql;
