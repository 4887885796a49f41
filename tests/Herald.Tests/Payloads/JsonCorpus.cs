using System.Globalization;

namespace Herald.Tests.Payloads;

/// <summary>JSON texts that exercise every rule of <c>JSON.stringify(JSON.parse(text))</c>, plus random numbers.</summary>
public static class JsonCorpus
{
    public static readonly string[] Tricky =
    [
        """{"b":1,"a":2}""",
        """{"10":1,"2":2,"a":3,"1":4,"-1":5,"01":6,"4294967294":7,"4294967295":8,"1.5":9,"0":10," 3":11,"99999999999":12}""",
        """{"a":1,"b":2,"a":3}""",
        """{"2":"x","1":"y","2":"z"}""",
        """{"__proto__":{"x":1},"constructor":2}""",
        """{"s":"héllo ünïcødé 日本語 😀 ﷽"}""",
        """{"s":"\u00e9\ud83d\ude00\u65e5"}""",
        """{"lone":"\ud800","low":"\udc00x","two":"\ud800\ud800","rev":"\ude00\ud83d"}""",
        """{"c":"\u0000\u0001\u001f\u007f\u0080","e":"\b\f\n\r\t","slash":"\/","q":"a\"b\\c"}""",
        """{"ls":"\u2028\u2029","bom":"\ufeff"}""",
        """{"\u0041\n":"key with escapes","":"empty key"}""",
        """[0,-0,0.0,-0.0,1e3,1E3,1e+3,12.50,1.0,100,1e20,1e21,1e-6,1e-7,1.5e-7,0.000001,0.0000001]""",
        """[123456789012345678901234567890,9007199254740992,9007199254740993,2432232314,-9007199254740991]""",
        """[5e-324,2.2250738585072014e-308,1.7976931348623157e308,1e400,-1e400,1e-400,0.1,0.2,0.30000000000000004]""",
        """[123e-20,0.1e1,-1.5,1.25e+25,4.35,3.141592653589793,2.718281828459045e-10,1234567.8901234567]""",
        """[[[]],[{}],[1,[2,[3,[4,[5]]]]],{"a":[{"b":[]}]}]""",
        " \t\n { \"a\" : [ 1 , 2 , { } ] , \"b\" : null } \r\n",
        "\"just a string\"",
        "1e2",
        "true",
        "null",
        "{}",
        "[]",
        """{"test": 2432232314}""",
        """{"event_id":"7293847502938475029","amount_msat":100000,"duration_seconds":12.5,"price":12.50}""",
        string.Concat(Enumerable.Repeat("[", 60)) + "0" + string.Concat(Enumerable.Repeat("]", 60)),
    ];

    /// <summary>Arrays of doubles from random bit patterns (every exponent and digit count) and random integers up to 2^53.</summary>
    public static IEnumerable<string> RandomNumbers(int seed, int arrays, int perArray)
    {
        var random = new Random(seed);
        for (var a = 0; a < arrays; a++)
        {
            var numbers = new List<string>();
            for (var i = 0; i < perArray; i++)
            {
                var value = i % 3 == 0
                    ? random.NextInt64(-(1L << 53), 1L << 53)
                    : BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
                if (double.IsFinite(value))
                {
                    numbers.Add(i % 3 == 0 ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture));
                }
            }
            yield return "[" + string.Join(",", numbers) + "]";
        }
    }
}
