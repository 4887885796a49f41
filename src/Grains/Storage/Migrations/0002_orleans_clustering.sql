-- Orleans cluster membership (silos and, for clients, gateways) for Orleans.Clustering.AdoNet 10.4.2.
--
-- Concurrency model: each cluster (DeploymentId = ClusterOptions.ClusterId) has one version row that acts as
-- the optimistic lock of the whole membership table. Every membership change must bump it by exactly 1 from the
-- version the caller read, together with the row change, or change nothing at all. Orleans never opens a
-- transaction, so that atomicity lives in the functions below.

create table OrleansMembershipVersionTable (
    DeploymentId varchar(150)   not null,
    -- When the version last changed; for people reading the table, Orleans never reads it.
    LastChanged  timestamptz(3) not null default now(),
    Version      integer        not null default 0,
    constraint PK_OrleansMembershipVersionTable primary key (DeploymentId),
    -- Orleans accepts only canonical non-negative Int32 ETags.
    constraint CK_OrleansMembershipVersionTable_Version check (Version >= 0)
);

create table OrleansMembershipTable (
    DeploymentId varchar(150)   not null,
    Address      varchar(45)    not null,  -- IPAddress.ToString(); 45 characters fit any IPv6 literal
    Port         integer        not null,
    Generation   integer        not null,
    SiloName     varchar(150)   not null,
    HostName     varchar(150)   not null,
    Status       integer        not null,  -- SiloStatus: 1 Created .. 3 Active .. 6 Dead
    ProxyPort    integer        not null,  -- 0 when the silo has no gateway; the read path needs a value
    SuspectTimes varchar(8000)  null,      -- 'ip:port@gen,yyyy-MM-dd HH:mm:ss.fff GMT|...', owned by Orleans
    StartTime    timestamptz(3) not null,
    IAmAliveTime timestamptz(3) not null,
    constraint PK_OrleansMembershipTable primary key (DeploymentId, Address, Port, Generation),
    constraint FK_OrleansMembershipTable_Version foreign key (DeploymentId)
        references OrleansMembershipVersionTable (DeploymentId)
);

-- Adds a silo row and bumps the version, or does neither. Returns 1 on success, 0 when the version moved on or
-- the silo row already exists.
create function orleans_insert_membership(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_silo_name      text,
    p_host_name      text,
    p_status         integer,
    p_proxy_port     integer,
    p_start_time     timestamptz,
    p_i_am_alive     timestamptz,
    p_version        integer)
returns integer
language plpgsql
as $$
begin
    -- Bumping first locks the version row, which queues every other writer of this cluster behind us; a writer
    -- that then finds the version changed gives up without touching anything.
    update OrleansMembershipVersionTable
       set Version = Version + 1, LastChanged = now()
     where DeploymentId = p_deployment_id and Version = p_version;
    if not found then
        return 0;
    end if;

    insert into OrleansMembershipTable
           (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
            StartTime, IAmAliveTime)
    values (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
            p_start_time, p_i_am_alive)
    on conflict on constraint PK_OrleansMembershipTable do nothing;
    if not found then
        -- Raising undoes the version bump above (the block's savepoint); the handler turns it into "0".
        raise exception using errcode = 'HR001', message = 'membership row already exists';
    end if;
    return 1;
exception
    when sqlstate 'HR001' then
        return 0;
end;
$$;

-- Bumps the version and updates an existing silo row, or does neither. Returns 1 on success, 0 when the version
-- moved on or the row does not exist. Only Status, SuspectTimes and IAmAliveTime change.
create function orleans_update_membership(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_status         integer,
    p_suspect_times  text,
    p_i_am_alive     timestamptz,
    p_version        integer)
returns integer
language plpgsql
as $$
begin
    update OrleansMembershipVersionTable
       set Version = Version + 1, LastChanged = now()
     where DeploymentId = p_deployment_id and Version = p_version;
    if not found then
        return 0;
    end if;

    update OrleansMembershipTable
       set Status       = p_status,
           SuspectTimes = p_suspect_times,
           -- The writer may be another silo holding an older copy of the row: never move a heartbeat back.
           IAmAliveTime = greatest(IAmAliveTime, p_i_am_alive)
     where DeploymentId = p_deployment_id
       and Address = p_address and Port = p_port and Generation = p_generation;
    if not found then
        raise exception using errcode = 'HR001', message = 'membership row does not exist';
    end if;
    return 1;
exception
    when sqlstate 'HR001' then
        return 0;
end;
$$;

insert into OrleansQuery (QueryKey, QueryText) values

-- Called by every silo at start-up; 1 when this call created the cluster's version row.
('InsertMembershipVersionKey', $sql$
with created as (
    insert into OrleansMembershipVersionTable (DeploymentId)
    values (@DeploymentId)
    on conflict (DeploymentId) do nothing
    returning 1
)
select count(*)::integer from created
$sql$),

('InsertMembershipKey', $sql$
select orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$sql$),

('UpdateMembershipKey', $sql$
select orleans_update_membership(@DeploymentId, @Address, @Port, @Generation,
                                 @Status, @SuspectTimes, @IAmAliveTime, @Version)
$sql$),

-- The heartbeat: deliberately leaves the version alone.
('UpdateIAmAlivetimeKey', $sql$
update OrleansMembershipTable
   set IAmAliveTime = greatest(IAmAliveTime, @IAmAliveTime)
 where DeploymentId = @DeploymentId
   and Address = @Address and Port = @Port and Generation = @Generation
$sql$),

-- One row per member, each carrying the table version; the outer join yields a single all-NULL member row when
-- the cluster has no members, which Orleans reads as "empty".
('MembershipReadAllKey', $sql$
select v.DeploymentId, v.Version,
       m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
  from OrleansMembershipVersionTable v
  left join OrleansMembershipTable m on m.DeploymentId = v.DeploymentId
 where v.DeploymentId = @DeploymentId
$sql$),

('MembershipReadRowKey', $sql$
select v.DeploymentId, v.Version,
       m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
  from OrleansMembershipVersionTable v
  left join OrleansMembershipTable m
         on m.DeploymentId = v.DeploymentId
        and m.Address = @Address and m.Port = @Port and m.Generation = @Generation
 where v.DeploymentId = @DeploymentId
$sql$),

-- Clients connect to the gateways of active silos; a ProxyPort of 0 means "no gateway".
('GatewaysQueryKey', $sql$
select Address, ProxyPort, Generation
  from OrleansMembershipTable
 where DeploymentId = @DeploymentId and Status = @Status and ProxyPort > 0
$sql$),

-- Sent as one batch, which PostgreSQL runs as one implicit transaction; members go first for the foreign key.
('DeleteMembershipTableEntriesKey', $sql$
delete from OrleansMembershipTable where DeploymentId = @DeploymentId;
delete from OrleansMembershipVersionTable where DeploymentId = @DeploymentId
$sql$),

-- Orleans 10.4.2 runs this per-row delete for each Dead row that it read and judged defunct, and skips the bulk
-- query below whenever this key exists. The row goes only if it is unchanged since that read; Orleans sends NULL
-- for a blank SuspectTimes, so NULL and blank match each other.
('CleanupDefunctSiloEntryKey', $sql$
delete from OrleansMembershipTable
 where DeploymentId = @DeploymentId
   and Address = @Address and Port = @Port and Generation = @Generation
   and Status = 6
   and StartTime = @StartTime
   and IAmAliveTime = @IAmAliveTime
   and (SuspectTimes = @SuspectTimes
        or (coalesce(btrim(SuspectTimes), '') = '' and coalesce(btrim(@SuspectTimes), '') = ''))
$sql$),

-- Required to exist, but unused while CleanupDefunctSiloEntryKey exists. Kept conservative in case it runs:
-- only Dead rows, quiet since before the cutoff, with no suspicion votes whose dates SQL would have to parse.
('CleanupDefunctSiloEntriesKey', $sql$
delete from OrleansMembershipTable
 where DeploymentId = @DeploymentId
   and Status = 6
   and StartTime < @IAmAliveTime
   and IAmAliveTime < @IAmAliveTime
   and coalesce(btrim(SuspectTimes), '') = ''
$sql$);
