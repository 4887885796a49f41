using Herald.Bench.Report;

namespace Herald.Bench.Tests;

public sealed class RatioBracketTests
{
    private static Figure Sustained() => new("sustained.100", "2 delivery", "sustained", "events/s") { RatioOf = Limit.Wire, AlsoOf = Limit.PipeSustained };

    [Fact]
    public void A_repetition_is_divided_by_the_geometric_mean_of_the_limits_measured_before_and_after_it()
    {
        var results = new RunResults();
        results.AddLimit(Limit.Wire, 10_000);
        results.AddLimit(Limit.PipeSustained, 4_000);
        var figure = results.Record(Sustained(), 2_000);
        Assert.Equal(0.2, figure.Ratio.Values[0], 6); // before only, until the next measurement

        results.AddLimit(Limit.Wire, 40_000);
        results.AddLimit(Limit.PipeSustained, 1_000);

        Assert.Equal(2_000 / 20_000.0, figure.Ratio.Values[0], 6);    // √(10,000 × 40,000) = 20,000
        Assert.Equal(2_000 / 2_000.0, figure.Secondary.Values[0], 6); // √(4,000 × 1,000) = 2,000
    }

    [Fact]
    public void Each_repetition_is_bracketed_once_by_the_measurements_on_its_own_sides()
    {
        var results = new RunResults();
        results.AddLimit(Limit.Wire, 10_000);
        var figure = results.Record(Sustained(), 1_000);
        results.AddLimit(Limit.Wire, 40_000);
        results.Record(Sustained(), 4_000);
        results.AddLimit(Limit.Wire, 10_000);
        results.AddLimit(Limit.Wire, 90_000); // a measurement with no repetition before it changes nothing
        results.Record(Sustained(), 3_000);   // the last repetition: nothing measured after it

        Assert.Equal([1_000 / 20_000.0, 4_000 / 20_000.0, 3_000 / 90_000.0], figure.Ratio.Values.ToArray());
    }

    [Fact]
    public void Only_the_figures_of_the_limit_measured_again_move()
    {
        var results = new RunResults();
        results.AddLimit(Limit.Wire, 10_000);
        results.AddLimit(Limit.WireSerial, 5_000);
        var strict = results.Record(new Figure("drain.1", "2 delivery", "drain", "deliveries/s") { RatioOf = Limit.WireSerial }, 1_000);

        results.AddLimit(Limit.Wire, 40_000);

        Assert.Equal(0.2, strict.Ratio.Values[0], 6);
    }
}
