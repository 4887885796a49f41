using System.Text;
using System.Text.Json;
using Herald.Grains.Payloads;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Payloads;

public sealed class EcmaJsonTests
{
    [Fact]
    public async Task Canonical_json_is_byte_identical_to_node_json_stringify_of_json_parse()
    {
        var inputs = JsonCorpus.Tricky.Concat(JsonCorpus.RandomNumbers(seed: 4, arrays: 40, perArray: 100)).ToList();

        var expected = await NodeStringifyAsync(inputs);

        for (var i = 0; i < inputs.Count; i++)
        {
            var actual = Encoding.UTF8.GetString(EcmaJson.Canonicalize(Encoding.UTF8.GetBytes(inputs[i])));
            Assert.True(expected[i] == actual, $"input: {inputs[i]}\nnode:   {expected[i]}\nherald: {actual}");
        }
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(12.5, "12.5")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(-1.25e25, "-1.25e+25")]
    [InlineData(double.PositiveInfinity, "null")]
    [InlineData(5e-324, "5e-324")]
    public void Numbers_are_written_as_ecmascript_number_to_string(double value, string expected) =>
        Assert.Equal(expected, EcmaNumber.ToJson(value));

    [Fact]
    public void Negative_zero_is_written_as_zero() => Assert.Equal("0", EcmaNumber.ToJson(-0.0));

    [Fact]
    public void Canonicalising_is_idempotent()
    {
        foreach (var input in JsonCorpus.Tricky)
        {
            var once = EcmaJson.Canonicalize(Encoding.UTF8.GetBytes(input));
            Assert.Equal(once, EcmaJson.Canonicalize(once));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("{\"a\":}")]
    public void Text_that_is_not_one_json_value_is_refused(string input) =>
        Assert.ThrowsAny<JsonException>(() => EcmaJson.Canonicalize(Encoding.UTF8.GetBytes(input)));

    /// <summary>What node writes for each input, through tests/Herald.Tests/node/canonical.mjs.</summary>
    public static async Task<List<string>> NodeStringifyAsync(IReadOnlyList<string> inputs)
    {
        var (succeeded, output) = await NodeScript.RunAsync("canonical.mjs", new Dictionary<string, object>
        {
            ["inputs_base64"] = inputs.Select(i => Convert.ToBase64String(Encoding.UTF8.GetBytes(i))).ToList(),
        });
        Assert.True(succeeded, output);
        return JsonDocument.Parse(output).RootElement.GetProperty("outputs_base64").EnumerateArray()
            .Select(e => Encoding.UTF8.GetString(Convert.FromBase64String(e.GetString()!)))
            .ToList();
    }
}
