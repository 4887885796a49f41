namespace Herald.Client;

/// <summary>Where Herald is, the key to call it with, and how hard to retry an answer that says "send again later".</summary>
public sealed class HeraldClientOptions
{
    /// <summary>Herald's address (<c>http://127.0.0.1:5080</c>); null takes the <see cref="HttpClient.BaseAddress"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The bearer key: the admin key, an account key (<c>hk_…</c>) or a portal token (<c>hpt_…</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Tries of one call, the first included, while Herald answers 429 or 503 (or a retry-safe call loses its connection).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest wait between two tries: a longer <c>Retry-After</c> ends the retries and surfaces the answer.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before the second try when Herald names none; doubled for each further try.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock the waits between tries run on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
