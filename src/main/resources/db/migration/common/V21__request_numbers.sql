-- Every token request gets a short number people can quote, REQ-<year>-<sequence> (e.g. REQ-2026-0042): the year it
-- was submitted (UTC, as submitted_at is stored) and a sequence counting that year's requests, at least 4 digits.
-- Requests filed before this version are numbered here, in the order they were submitted.
alter table token_request add column request_number varchar(32);

update token_request set request_number = (
    select 'REQ-' || cast(numbered.submitted_year as varchar(10)) || '-'
           || case when numbered.position_in_year < 10000 then lpad(cast(numbered.position_in_year as varchar(10)), 4, '0')
                   else cast(numbered.position_in_year as varchar(10)) end
    from (select id, cast(extract(year from submitted_at) as integer) as submitted_year,
                 row_number() over (partition by cast(extract(year from submitted_at) as integer)
                                    order by submitted_at, id) as position_in_year
          from token_request) numbered
    where numbered.id = token_request.id);

alter table token_request alter column request_number set not null;
alter table token_request add constraint token_request_number_unique unique (request_number);

-- The last number given, in one row that every new request locks (select ... for update) while it takes the next
-- number, so that replicas on one database never hand out the same number.
create table request_number_counter (
    id            integer not null primary key,
    counter_year  integer not null,
    last_number   integer not null
);
insert into request_number_counter (id, counter_year, last_number) values (1, 0, 0);
update request_number_counter set
    counter_year = (select coalesce(max(cast(extract(year from submitted_at) as integer)), 0) from token_request),
    last_number = (select count(*) from token_request
                   where cast(extract(year from submitted_at) as integer)
                         = (select max(cast(extract(year from submitted_at) as integer)) from token_request))
where id = 1;
