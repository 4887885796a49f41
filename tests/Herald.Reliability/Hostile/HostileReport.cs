using System.Globalization;
using System.Text;
using Herald.Reliability.Infrastructure;
using Herald.Reliability.Scenarios;

namespace Herald.Reliability.Hostile;

/// <summary>The hostile scenario's checks, figures and evidence (each failing request with the bytes that caused it).</summary>
public static class HostileReport
{
    /// <summary>Examples of each kind of request in the evidence of a broken promise: enough to see every way it broke.</summary>
    private const int ExamplesPerCategory = 6;
    private const string Name = HostileScenario.Name;

    public static void Write(SuiteContext context, Targets targets, IReadOnlyList<HostileOutcome> outcomes, IReadOnlyList<string> changes, int deliveries, int parts)
    {
        var results = context.Results;
        var seed = context.Options.Seed;
        var serverErrors = outcomes.Where(o => o.IsServerError).ToList();
        results.Check(Name, "no hostile request is answered 5xx", serverErrors.Count == 0,
            $"{serverErrors.Count} of {outcomes.Count:N0} answered 5xx" + (serverErrors.Count == 0 ? "" : $": {Categories(serverErrors)}"));
        results.AddEvidence($"hostile requests answered 5xx (seed {seed}; replay one with `scripts/reliability.sh --seed {seed} --replay N`)",
            [.. Examples(serverErrors).SelectMany(o => new[] { o.Summary, "    " + o.RequestText(targets) })]);

        var malformed = outcomes.Where(o => !o.IsServerError && !o.IsWellFormed).ToList();
        results.Check(Name, "every other error answer is problem+json (or, for malformed HTTP only, the server's own empty 4xx)", malformed.Count == 0,
            $"{malformed.Count} of {outcomes.Count(o => !o.IsServerError):N0} not" + (malformed.Count == 0 ? "" : $": {Categories(malformed)}"));
        results.AddEvidence("error answers that are not problem+json", [.. Examples(malformed).Select(o => o.Summary)]);

        var leaks = outcomes.Where(o => Targets.ForeignMarker(o.Request.Caller) is { } marker
            && Encoding.UTF8.GetString(o.Response.Body).Contains(marker, StringComparison.Ordinal)).ToList();
        results.Check(Name, "no answer to one account's key shows the other account's data", leaks.Count == 0,
            $"{leaks.Count} answers did" + (leaks.Count == 0 ? "" : $": {Categories(leaks)}"));
        results.AddEvidence("answers showing the other account's data", [.. Examples(leaks).Select(o => o.Summary)]);

        results.Check(Name, "nothing changes: both accounts, their webhooks, events, deliveries, the catalog and Herald's tables read the same after",
            changes.Count == 0 && deliveries == 0,
            changes.Count == 0 && deliveries == 0
                ? $"{parts} parts compared, all equal; no delivery was sent"
                : $"{changes.Count} of {parts} parts differ; {deliveries} deliveries were sent during the run");
        var writes = outcomes.Where(o => o.IsAcceptedWrite).ToList();
        results.AddEvidence("what changed, and the writes answered 2xx (the requests that may have changed it)",
            [.. changes, .. Examples(writes).Select(o => o.Summary)]);

        results.Figure(Name, "requests by category", string.Join(", ", outcomes.GroupBy(o => o.Request.Category).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count().ToString("N0", CultureInfo.InvariantCulture)}")));
        results.Figure(Name, "answers by status", string.Join(", ", outcomes.GroupBy(o => o.Response.Status).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "none" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count().ToString("N0", CultureInfo.InvariantCulture)}")));
        foreach (var category in new[] { HostileCategory.SlowBody, HostileCategory.SlowHeaders })
        {
            var slow = outcomes.Where(o => o.Request.Category == category).ToList();
            if (slow.Count > 0)
            {
                results.Figure(Name, $"{(category == HostileCategory.SlowBody ? "a body that stops coming" : "headers that never end")}: answer, and how long the connection was held",
                    string.Join("; ", slow.Select(o => $"{(o.Response.Status == 0 ? "none" : o.Response.Status.ToString(CultureInfo.InvariantCulture))} after {o.Response.Elapsed.TotalSeconds:0.0} s")));
            }
        }
    }

    /// <summary>The first few of each kind, so that a common failure does not hide a rare one.</summary>
    private static IEnumerable<HostileOutcome> Examples(IEnumerable<HostileOutcome> outcomes) =>
        outcomes.GroupBy(o => o.Request.Category).SelectMany(g => g.Take(ExamplesPerCategory)).OrderBy(o => o.Request.Number);

    private static string Categories(IEnumerable<HostileOutcome> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => o.Request.Category).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
}
