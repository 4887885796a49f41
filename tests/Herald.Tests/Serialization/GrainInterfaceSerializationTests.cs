using System.Reflection;
using Herald.Abstractions.Accounts;
using Herald.Grains.Recovery;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Herald.Tests.Serialization;

/// <summary>
/// A type in a grain interface without a serializer stops the silo at start-up and gives no build warning.
/// This test finds every such type before a silo ever starts.
/// </summary>
public sealed class GrainInterfaceSerializationTests
{
    private static readonly ICodecProvider Codecs = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(IAccountGrain).Assembly).AddAssembly(typeof(IDeliverySweeperGrain).Assembly)
            .AddAssembly(typeof(GrainInterfaceSerializationTests).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<ICodecProvider>();

    public static TheoryData<string> WireTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in GrainInterfaceTypes().Select(t => t.AssemblyQualifiedName!).Distinct().Order())
        {
            data.Add(type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Every_type_in_a_grain_interface_has_an_orleans_codec(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        Assert.True(Codecs.TryGetCodec(type) is not null, $"{type} crosses a grain boundary but has no serializer: mark it [GenerateSerializer].");
    }

    [Fact]
    public void The_check_catches_a_type_without_generate_serializer() =>
        Assert.Null(Codecs.TryGetCodec(typeof(NotSerializable)));

    private static IEnumerable<Type> GrainInterfaceTypes()
    {
        var interfaces = new[] { typeof(IAccountGrain).Assembly, typeof(IDeliverySweeperGrain).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && t.Namespace?.StartsWith("Herald", StringComparison.Ordinal) == true);
        foreach (var method in interfaces.SelectMany(i => i.GetMethods()))
        {
            foreach (var type in method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).SelectMany(Unwrap))
            {
                yield return type;
            }
        }
    }

    /// <summary>The concrete types a declared type stands for: Task&lt;T&gt;, T?, collections and their elements.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type == typeof(Task) || type == typeof(void))
        {
            yield break;
        }
        if (type.IsArray)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
            yield return type;
            yield break;
        }
        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Task<>) || definition == typeof(Nullable<>) || type.IsInterface)
            {
                yield break;
            }
        }
        if (!type.IsInterface && !type.IsAbstract)
        {
            yield return type;
        }
    }

    private sealed class NotSerializable
    {
        public string Value { get; set; } = "";
    }
}
