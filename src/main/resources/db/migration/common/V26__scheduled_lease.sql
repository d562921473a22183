-- One row per piece of scheduled work that must run on one replica at a time: the replica holding it and until when
-- (epoch milliseconds of the holder's wall clock; numbers, so replicas in different time zones agree).
create table scheduled_lease (
    name       varchar(64)  not null primary key,
    held_by    varchar(128) not null,
    held_until bigint       not null
);
