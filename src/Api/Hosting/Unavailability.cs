using System.Net.Sockets;
using Herald.Abstractions.Storage;
using Herald.Api.Json;
using Npgsql;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;

namespace Herald.Api.Hosting;

/// <summary>
/// Tells a failure that means "try again later" from a bug: PostgreSQL unreachable, refusing connections or shutting
/// down; the queue of writes waiting for PostgreSQL full; the cluster unreachable. Looks through the exception's
/// causes, as grain calls wrap them and may carry one across a process boundary by type name only.
/// </summary>
public static class Unavailability
{
    // PostgreSQL states that mean the server cannot serve now (not that the statement was wrong): connection
    // exceptions (class 08), shutdowns and start-ups, too many connections, out of memory or disk.
    private static readonly HashSet<string> UnavailableStates = ["57P01", "57P02", "57P03", "53000", "53100", "53200", "53300", "53400"];

    /// <summary>The problem code for a failure that is an outage or an overload; null for any other failure.</summary>
    public static string? CodeOf(Exception exception)
    {
        foreach (var cause in Causes(exception))
        {
            var code = cause switch
            {
                CommitQueueFullException => ProblemCodes.Overloaded,
                PostgresException postgres => IsUnavailableState(postgres.SqlState) ? ProblemCodes.DatabaseUnavailable : null,
                NpgsqlException => ProblemCodes.DatabaseUnavailable,
                UnavailableExceptionFallbackException fallback => CodeOfTypeName(fallback.ExceptionType),
                // A grain call that timed out or could not reach a silo: the cluster cannot answer now. (A publish that
                // timed out may still commit; the client's retry with the same id is then answered as a duplicate.)
                SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or ClientNotAvailableException
                    or ConnectionFailedException or TimeoutException or SocketException => ProblemCodes.ServiceUnavailable,
                _ => null,
            };
            if (code is not null)
            {
                return code;
            }
        }
        return null;
    }

    private static bool IsUnavailableState(string state) => state.StartsWith("08", StringComparison.Ordinal) || UnavailableStates.Contains(state);

    private static string? CodeOfTypeName(string? typeName) =>
        typeName is not null && typeName.StartsWith("Npgsql.", StringComparison.Ordinal) && !typeName.Contains("PostgresException", StringComparison.Ordinal)
            ? ProblemCodes.DatabaseUnavailable
            : null;

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        // Bounded: an exception graph built by a serializer need not be a tree.
        for (var seen = 0; pending.Count > 0 && seen < 32; seen++)
        {
            var cause = pending.Pop();
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
