using System.Net.Sockets;
using Herald.Abstractions.Storage;
using Herald.Api.Hosting;
using Npgsql;
using Orleans.Serialization;

namespace Herald.Tests.Api.Faults;

/// <summary>Which failures are answered 503 (and with which code) rather than 500: pure classification, no server.</summary>
public sealed class UnavailabilityTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "timeout", new NpgsqlException("The operation has timed out", new TimeoutException()) },
        { "admin shutdown", new PostgresException("terminating connection", "FATAL", "FATAL", "57P01") },
        { "cannot connect now", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03") },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "connection failure", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
        { "wrapped by a grain call", new AggregateException(new InvalidOperationException("grain failed", new NpgsqlException("Exception while reading from stream"))) },
        { "carried by type name", CarriedByName("Npgsql.NpgsqlException") },
    };

    public static TheoryData<string, Exception> Bugs => new()
    {
        { "bad statement", new PostgresException("invalid byte sequence", "ERROR", "ERROR", "22021") },
        { "constraint", new PostgresException("duplicate key", "ERROR", "ERROR", "23505") },
        { "a bug", new InvalidOperationException("no") },
        { "a postgres error by type name", CarriedByName("Npgsql.PostgresException") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void PostgreSQL_failures_that_mean_unavailable_are_database_unavailable(string what, Exception exception) =>
        Assert.True(Unavailability.CodeOf(exception) == "database_unavailable", what);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Other_failures_are_not_outages(string what, Exception exception) =>
        Assert.True(Unavailability.CodeOf(exception) is null, what);

    [Fact]
    public void A_grain_call_that_timed_out_or_found_no_silo_is_service_unavailable()
    {
        Assert.Equal("service_unavailable", Unavailability.CodeOf(new TimeoutException("Response did not arrive on time")));
        Assert.Equal("service_unavailable", Unavailability.CodeOf(new SiloUnavailableException()));
    }

    [Fact]
    public void A_full_commit_queue_is_overloaded_even_inside_a_grain_call_failure() =>
        Assert.Equal("overloaded", Unavailability.CodeOf(new AggregateException(new CommitQueueFullException("EventStore", 10))));

    /// <summary>What a grain call delivers when the exception's type cannot be loaded where it arrives (Orleans sets the name).</summary>
    private static UnavailableExceptionFallbackException CarriedByName(string typeName)
    {
        var exception = new UnavailableExceptionFallbackException("failed", null!);
        typeof(UnavailableExceptionFallbackException).GetProperty(nameof(exception.ExceptionType))!.SetValue(exception, typeName);
        return exception;
    }
}
