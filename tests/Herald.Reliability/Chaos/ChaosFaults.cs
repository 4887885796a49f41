namespace Herald.Reliability.Chaos;

public static class ChaosFaults
{
    /// <summary>Answers with which the receiver means to take the event (Herald may still count a slow one as a timeout).</summary>
    public static bool MeansSuccess(this ChaosFault fault) => fault is ChaosFault.Ok or ChaosFault.SlowOk or ChaosFault.TruncatedOk or ChaosFault.HugeOk or ChaosFault.BinaryOk;

    public static bool IsHuge(this ChaosFault fault) => fault is ChaosFault.HugeOk or ChaosFault.HugeError;
}
