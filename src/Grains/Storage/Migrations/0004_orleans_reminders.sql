-- Reminders for Orleans.Reminders.AdoNet 10.4.2.
--
-- GrainHash is Orleans' uint ring position sent with its bits reinterpreted as a signed int32, and the range
-- queries compare it as signed; it must stay a signed integer column. Silos read their slice of the ring by
-- (ServiceId, GrainHash), hence the index.
--
-- Version is the reminder's ETag: upserts always succeed and bump it; only deletes check it.

create table OrleansRemindersTable (
    ServiceId    varchar(150)   not null,
    GrainId      varchar(512)   not null,  -- GrainId.ToString(), "type/key"
    ReminderName varchar(150)   not null,
    StartTime    timestamptz(3) not null,
    Period       bigint         not null,  -- milliseconds; Orleans sends more than Int32 when it must
    GrainHash    integer        not null,
    Version      integer        not null,
    constraint PK_OrleansRemindersTable primary key (ServiceId, GrainId, ReminderName)
);

create index IX_OrleansRemindersTable_ServiceId_GrainHash on OrleansRemindersTable (ServiceId, GrainHash);

insert into OrleansQuery (QueryKey, QueryText) values

('ReadReminderRowsKey', $sql$
select GrainId, ReminderName, StartTime, Period, Version
  from OrleansRemindersTable
 where ServiceId = @ServiceId and GrainId = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
select GrainId, ReminderName, StartTime, Period, Version
  from OrleansRemindersTable
 where ServiceId = @ServiceId and GrainId = @GrainId and ReminderName = @ReminderName
$sql$),

-- The ring slice (BeginHash, EndHash] when it does not wrap past Int32.MaxValue ...
('ReadRangeRows1Key', $sql$
select GrainId, ReminderName, StartTime, Period, Version
  from OrleansRemindersTable
 where ServiceId = @ServiceId and GrainHash > @BeginHash and GrainHash <= @EndHash
$sql$),

-- ... and when it does (Orleans also uses this for BeginHash = EndHash, the whole ring).
('ReadRangeRows2Key', $sql$
select GrainId, ReminderName, StartTime, Period, Version
  from OrleansRemindersTable
 where ServiceId = @ServiceId and (GrainHash > @BeginHash or GrainHash <= @EndHash)
$sql$),

-- New reminders start at version 0; re-registering one replaces its schedule and bumps its version.
('UpsertReminderRowKey', $sql$
insert into OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
values (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
on conflict on constraint PK_OrleansRemindersTable do update
   set StartTime = excluded.StartTime,
       Period    = excluded.Period,
       GrainHash = excluded.GrainHash,
       Version   = OrleansRemindersTable.Version + 1
returning Version
$sql$),

-- 1 when the reminder was deleted, 0 when it is gone or its version moved on.
('DeleteReminderRowKey', $sql$
with deleted as (
    delete from OrleansRemindersTable
     where ServiceId = @ServiceId and GrainId = @GrainId and ReminderName = @ReminderName
       and Version = @Version
    returning 1
)
select count(*)::integer from deleted
$sql$),

('DeleteReminderRowsKey', $sql$
delete from OrleansRemindersTable where ServiceId = @ServiceId
$sql$);
