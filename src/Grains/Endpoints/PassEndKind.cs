namespace Herald.Grains.Endpoints;

/// <summary>How a delivery pass ended, which tells the <see cref="WakeScheduler"/> when to run the next one.</summary>
internal enum PassEndKind
{
    /// <summary>Nothing is queued.</summary>
    Idle,

    /// <summary>The head (or the earliest entry) falls due later: wake then, and keep the reminder meanwhile.</summary>
    Wait,

    /// <summary>The pass used its budget with work left: run again at once, after the grain's other messages.</summary>
    More,

    /// <summary>The endpoint is disabled or deleted: nothing to do until a call changes that.</summary>
    Stopped,

    /// <summary>The silo is stopping: the reminder brings the endpoint back on another silo.</summary>
    HandOff,

    /// <summary>Attempts are in flight (concurrent order): each one's end runs the next pass.</summary>
    Busy,
}
