-- Grain state for Orleans.Persistence.AdoNet 10.4.2.
--
-- A row is identified by its natural key (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
-- GrainIdExtensionString). Unlike the upstream schema, that key is unique, so two concurrent first writes of
-- one grain cannot both insert: the loser sees a conflict, which Orleans reports as InconsistentStateException,
-- instead of leaving two rows that would break every later read. The hashes are computed by Orleans, not
-- here, and only serve the lookup index; all queries also compare the natural key, so hash collisions are
-- harmless.
--
-- Version is the grain's ETag. A write or clear succeeds only against the version it was given; a conflict
-- returns NULL or no row, never an error and never the given version bumped.

create table OrleansStorage (
    GrainIdHash            integer        not null,
    GrainIdN0              bigint         not null,
    GrainIdN1              bigint         not null,
    GrainTypeHash          integer        not null,
    GrainTypeString        varchar(512)   not null,
    GrainIdExtensionString varchar(512)   null,   -- key extension, or the whole key of a string-keyed grain
    ServiceId              varchar(150)   not null,
    PayloadBinary          bytea          null,   -- NULL once cleared
    ModifiedOn             timestamptz(3) not null default now(),  -- for people; Orleans never reads it
    Version                integer        null,
    constraint UQ_OrleansStorage_NaturalKey
        unique nulls not distinct (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- The natural key is not indexable for string-keyed grains as queried (N0 = N1 = 0 and a NULL-safe comparison
-- on the extension), so lookups go through the hashes, as upstream does.
create index IX_OrleansStorage_Hashes on OrleansStorage (GrainIdHash, GrainTypeHash);

-- The next ETag after v. It wraps from Int32.MaxValue to 1 rather than overflowing: Orleans only compares ETags
-- for equality, so any value different from v will do.
create function orleans_next_storage_version(v integer)
returns integer
language sql
immutable
return case when v = 2147483647 then 1 else v + 1 end;

insert into OrleansQuery (QueryKey, QueryText) values

('ReadFromStorageKey', $sql$
select PayloadBinary, Version
  from OrleansStorage
 where GrainIdHash = @GrainIdHash and GrainTypeHash = @GrainTypeHash
   and ServiceId = @ServiceId and GrainTypeString = @GrainTypeString
   and GrainIdN0 = @GrainIdN0 and GrainIdN1 = @GrainIdN1
   and GrainIdExtensionString is not distinct from @GrainIdExtensionString
$sql$),

-- Without a version: insert the first row (version 1) unless one exists. With a version: replace the payload if
-- the stored version still equals it. Exactly one row comes back: the new version, or NULL on a conflict.
('WriteToStorageKey', $sql$
with updated as (
    update OrleansStorage
       set PayloadBinary = @PayloadBinary,
           Version = orleans_next_storage_version(Version),
           ModifiedOn = now()
     where @GrainStateVersion is not null
       and GrainIdHash = @GrainIdHash and GrainTypeHash = @GrainTypeHash
       and ServiceId = @ServiceId and GrainTypeString = @GrainTypeString
       and GrainIdN0 = @GrainIdN0 and GrainIdN1 = @GrainIdN1
       and GrainIdExtensionString is not distinct from @GrainIdExtensionString
       and Version = @GrainStateVersion
    returning Version
), inserted as (
    insert into OrleansStorage
           (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
            ServiceId, PayloadBinary, Version)
    select @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
           @ServiceId, @PayloadBinary, 1
     where @GrainStateVersion is null
    on conflict on constraint UQ_OrleansStorage_NaturalKey do nothing
    returning Version
)
select coalesce((select Version from updated), (select Version from inserted)) as NewGrainStateVersion
$sql$),

-- Keeps the row with a NULL payload and a new version; no row comes back on a conflict.
('ClearStorageKey', $sql$
update OrleansStorage
   set PayloadBinary = null,
       Version = orleans_next_storage_version(Version),
       ModifiedOn = now()
 where GrainIdHash = @GrainIdHash and GrainTypeHash = @GrainTypeHash
   and ServiceId = @ServiceId and GrainTypeString = @GrainTypeString
   and GrainIdN0 = @GrainIdN0 and GrainIdN1 = @GrainIdN1
   and GrainIdExtensionString is not distinct from @GrainIdExtensionString
   and Version = @GrainStateVersion
returning Version
$sql$),

-- Used when DeleteStateOnClear = true. Orleans wants a value different from the given version on success;
-- no row comes back on a conflict.
('DeleteStorageKey', $sql$
delete from OrleansStorage
 where GrainIdHash = @GrainIdHash and GrainTypeHash = @GrainTypeHash
   and ServiceId = @ServiceId and GrainTypeString = @GrainTypeString
   and GrainIdN0 = @GrainIdN0 and GrainIdN1 = @GrainIdN1
   and GrainIdExtensionString is not distinct from @GrainIdExtensionString
   and Version = @GrainStateVersion
returning orleans_next_storage_version(Version)
$sql$);
