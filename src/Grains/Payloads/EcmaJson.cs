using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Herald.Grains.Payloads;

/// <summary>
/// JSON written byte for byte as ECMAScript's <c>JSON.stringify(JSON.parse(text))</c> writes it: compact; strings
/// with only <c>"</c>, <c>\</c> and control characters escaped (<c>\b \f \n \r \t</c>, else <c>\u00xx</c>) and lone
/// surrogates as <c>\udxxx</c>; numbers as <see cref="EcmaNumber"/>; object members with array-index keys
/// ("0" … "4294967294") first in ascending order, the others in the order first seen; a repeated key keeps its first
/// position and its last value.
/// </summary>
public static class EcmaJson
{
    private const uint MaxArrayIndex = uint.MaxValue - 1;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        if (!reader.Read())
        {
            throw new JsonException("The text holds no JSON value.");
        }
        WriteValue(ref reader, output);
        if (reader.Read())
        {
            throw new JsonException("The text holds more than one JSON value.");
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A string as <c>JSON.stringify</c> quotes it.</summary>
    public static void WriteString(IBufferWriter<byte> output, string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (c < ' ' || char.IsSurrogate(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        Encoding.UTF8.GetBytes(text.Append('"').ToString(), output);
    }

    public static void WriteRaw(IBufferWriter<byte> output, string ascii) => Encoding.ASCII.GetBytes(ascii, output);

    private static void WriteValue(ref Utf8JsonReader reader, ArrayBufferWriter<byte> output)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(ref reader, output);
                break;
            case JsonTokenType.StartArray:
                WriteRaw(output, "[");
                var first = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!first)
                    {
                        WriteRaw(output, ",");
                    }
                    WriteValue(ref reader, output);
                    first = false;
                }
                WriteRaw(output, "]");
                break;
            case JsonTokenType.String:
                WriteString(output, ReadString(ref reader));
                break;
            case JsonTokenType.Number:
                WriteRaw(output, EcmaNumber.ToJson(double.Parse(Encoding.ASCII.GetString(reader.ValueSpan), NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            case JsonTokenType.True:
                WriteRaw(output, "true");
                break;
            case JsonTokenType.False:
                WriteRaw(output, "false");
                break;
            case JsonTokenType.Null:
                WriteRaw(output, "null");
                break;
            default:
                throw new JsonException($"Unexpected {reader.TokenType}.");
        }
    }

    private static void WriteObject(ref Utf8JsonReader reader, ArrayBufferWriter<byte> output)
    {
        var members = new List<(string Key, ArrayBufferWriter<byte> Value)>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = ReadString(ref reader);
            reader.Read();
            var value = new ArrayBufferWriter<byte>();
            WriteValue(ref reader, value);
            if (positions.TryGetValue(key, out var position))
            {
                members[position] = (key, value);
            }
            else
            {
                positions[key] = members.Count;
                members.Add((key, value));
            }
        }
        var ordered = members.Where(m => ArrayIndex(m.Key) is not null).OrderBy(m => ArrayIndex(m.Key))
            .Concat(members.Where(m => ArrayIndex(m.Key) is null));
        WriteRaw(output, "{");
        var first = true;
        foreach (var (key, value) in ordered)
        {
            if (!first)
            {
                WriteRaw(output, ",");
            }
            WriteString(output, key);
            WriteRaw(output, ":");
            output.Write(value.WrittenSpan);
            first = false;
        }
        WriteRaw(output, "}");
    }

    /// <summary>The key's value when it is an array index (a canonical decimal from 0 to 2^32 - 2), which ECMAScript orders first.</summary>
    private static uint? ArrayIndex(string key) =>
        key.Length is > 0 and <= 10 && key.All(char.IsAsciiDigit) && (key == "0" || key[0] != '0')
        && ulong.Parse(key, CultureInfo.InvariantCulture) is var index && index <= MaxArrayIndex
            ? (uint)index
            : null;

    /// <summary>The string's UTF-16 code units; unlike <see cref="Utf8JsonReader.GetString"/>, keeps escaped lone surrogates as JSON.parse does.</summary>
    private static string ReadString(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(raw);
        }
        var text = new StringBuilder(raw.Length);
        while (raw.Length > 0)
        {
            var backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                text.Append(Encoding.UTF8.GetString(raw));
                break;
            }
            text.Append(Encoding.UTF8.GetString(raw[..backslash]));
            var escape = (char)raw[backslash + 1];
            if (escape == 'u')
            {
                text.Append((char)int.Parse(Encoding.ASCII.GetString(raw.Slice(backslash + 2, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                raw = raw[(backslash + 6)..];
                continue;
            }
            text.Append(escape switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => escape, // " \ /
            });
            raw = raw[(backslash + 2)..];
        }
        return text.ToString();
    }
}
