using System.Globalization;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Hosting;

/// <summary>
/// Collects what is wrong with an options class, each failure naming its configuration key (<c>Herald:Retention:Period</c>),
/// the value found and what would do, so that a host refuses to start with a message an operator can act on.
/// </summary>
public sealed class OptionChecks(string section)
{
    private readonly List<string> _failures = [];

    public OptionChecks Within<T>(string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            _failures.Add($"{section}:{key} is {Format(value)}; use {Format(min)} to {Format(max)}.");
        }
        return this;
    }

    /// <param name="rule">What a valid value looks like, said to the operator when <paramref name="holds"/> is false.</param>
    public OptionChecks That(bool holds, string key, string rule)
    {
        if (!holds)
        {
            _failures.Add($"{section}:{key}: {rule}");
        }
        return this;
    }

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    private static string Format<T>(T value) => value switch
    {
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "(none)",
    };
}
