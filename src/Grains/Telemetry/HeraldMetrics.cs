using System.Diagnostics.Metrics;
using Herald.Grains.Delivery;
using Herald.Grains.Storage;

namespace Herald.Grains.Telemetry;

/// <summary>
/// Herald's own instruments (meter <c>Herald</c>), exported on <c>/metrics</c>. Counters count what this process did,
/// so a cluster-wide figure is the sum over the silos' scrapes.
/// </summary>
public static class HeraldMetrics
{
    public const string MeterName = "Herald";
    private static readonly Meter Meter = new(MeterName);

    private static readonly double[] LatencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600];
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Reminder registrations and removals made by endpoints: the reminder churn that retries cause.</summary>
    public static readonly Counter<long> ReminderWrites = Meter.CreateCounter<long>("herald.reminder.writes");

    public static readonly Counter<long> IdleTrims = Meter.CreateCounter<long>(
        "herald.memory.idle_trims", "{trim}",
        "Aggressive collections run after a load peak once the process was quiet, to give the peak's memory back (Herald:Memory:IdleTrim).");

    public static readonly Counter<long> PassFailures = Meter.CreateCounter<long>(
        "herald.delivery.pass.failures", "{pass}",
        "Delivery passes of an endpoint that failed (a database error, say): each is logged, and the next pass follows with backoff.");

    public static readonly Counter<long> QueueReads = Meter.CreateCounter<long>(
        "herald.delivery.queue.reads", "{read}",
        "Reads of an endpoint's queue from PostgreSQL: only when its window was never read, saw a gap, dropped notices or was made stale.");

    public static readonly Counter<long> RecordRetries = Meter.CreateCounter<long>(
        "herald.delivery.record.retries", "{record}",
        "Attempt records submitted again after their write failed; nothing more is sent by that endpoint until they commit.");

    public static readonly Counter<long> EventsPublished = Meter.CreateCounter<long>(
        "herald.events.published", "{event}", "Events committed by a publish (a repeated idempotency key is not counted again).");

    public static readonly Counter<long> DeliveriesQueued = Meter.CreateCounter<long>(
        "herald.deliveries.queued", "{delivery}", "Deliveries created by fan-out: one per published event and matching endpoint.");

    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "herald.delivery.attempts", "{attempt}", "HTTP delivery attempts by outcome: succeeded, retryable or permanent.");

    public static readonly Counter<long> DeliveriesSucceeded = Meter.CreateCounter<long>(
        "herald.deliveries.succeeded", "{delivery}", "Deliveries that ended succeeded.");

    public static readonly Counter<long> DeliveriesFailed = Meter.CreateCounter<long>(
        "herald.deliveries.failed", "{delivery}", "Deliveries that ended failed, by reason: exhausted (retries used up) or permanent.");

    public static readonly Counter<long> EndpointsDisabled = Meter.CreateCounter<long>(
        "herald.endpoints.disabled", "{endpoint}", "Endpoints disabled, by reason: failures (the disable rule) or user.");

    public const string EmailSent = "sent";
    public const string EmailRetried = "retried";
    public const string EmailFailed = "failed";

    public static readonly Counter<long> NotificationEmails = Meter.CreateCounter<long>(
        "herald.notification.emails", "{email}",
        "Disable notices emailed, by outcome: sent, retried (an attempt failed and another follows) or failed (given up).");

    public static readonly Histogram<double> PublishToDelivery = Meter.CreateHistogram(
        "herald.delivery.latency", "s", "From a publish's acceptance to the start of its first delivery attempt.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    public static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram(
        "herald.delivery.attempt.duration", "s", "Duration of one HTTP delivery attempt, by outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static void RecordPublished(int events, int deliveries)
    {
        EventsPublished.Add(events);
        DeliveriesQueued.Add(deliveries);
    }

    /// <summary>One recorded attempt and, when it ended its delivery, that delivery's end.</summary>
    public static void RecordAttempt(QueuedDelivery message, DateTimeOffset attemptedAt, TimeSpan duration, AttemptClass verdict, string deliveryStatus)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", verdict switch
        {
            AttemptClass.Succeeded => "succeeded",
            AttemptClass.Retryable => "retryable",
            _ => "permanent",
        });
        Attempts.Add(1, outcome);
        AttemptDuration.Record(duration.TotalSeconds, outcome);
        if (message.Attempts == 0 && message.EventCreatedAt is { } created)
        {
            PublishToDelivery.Record(Math.Max(0, (attemptedAt - created).TotalSeconds));
        }
        if (deliveryStatus == DeliveryStatuses.Succeeded)
        {
            DeliveriesSucceeded.Add(1);
        }
        else if (deliveryStatus == DeliveryStatuses.Failed)
        {
            DeliveriesFailed.Add(1, new KeyValuePair<string, object?>("reason", verdict == AttemptClass.Permanent ? "permanent" : "exhausted"));
        }
    }

    public static void RecordNotificationEmail(string outcome) => NotificationEmails.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void RecordDisabled(string reason) => EndpointsDisabled.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
