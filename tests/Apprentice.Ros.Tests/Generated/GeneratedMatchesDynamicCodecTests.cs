using Apprentice.Ros.Tests.Support;
using System.Reflection;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Messages;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>
/// Generated serializers against the dynamic codec (an independent, definition-driven encoder):
/// for random values of every generated type, the generated code decodes the dynamic codec's bytes
/// and re-encodes exactly the same bytes, and its size computation agrees.
/// </summary>
public sealed class GeneratedMatchesDynamicCodecTests
{
    private const int SamplesPerType = 25;
    private static readonly DynamicCodec Codec = GeneratedTypes.CreateCodec();

    private static IEnumerable<TestCaseData> Types() =>
        GeneratedTypes.All.Select(t => new TestCaseData(t).SetArgDisplayNames(GeneratedTypes.RosName(t)));

    [Test]
    public void EveryEmbeddedStandardTypeAndProjectTypeIsGenerated()
    {
        var generated = GeneratedTypes.All.Select(GeneratedTypes.RosName).ToHashSet();
        var registry = Apprentice.Ros.Registry.InterfaceRegistry.CreateDefault();
        var expected = registry.MessageNames
            .Concat(registry.ServiceNames.SelectMany(s => new[] { s + "_Request", s + "_Response" }))
            .Append("apprentice/msg/PolicyStatus")
            .Append("apprentice/srv/StartEpisode_Request");
        Assert.That(expected.Where(n => !generated.Contains(n)), Is.Empty);
    }

    [TestCaseSource(nameof(Types))]
    public void GeneratedBytesEqualDynamicCodecBytesForRandomValues(Type type)
    {
        typeof(GeneratedMatchesDynamicCodecTests)
            .GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, null);
    }

    private static void Check<T>()
        where T : class, IRosMessage<T>, new()
    {
        var definition = Codec.Resolve(T.RosTypeName);
        var reused = new T();
        for (var seed = 0; seed < SamplesPerType; seed++)
        {
            var value = new RandomMessages(Codec, seed * 7919 + T.RosTypeName.Length, portable: false).Create(definition);
            var expected = Codec.Encode(value);

            var message = RosMessageCodec.Decode<T>(expected);
            var actual = RosMessageCodec.Encode(message);
            RosMessageCodec.DecodeInto(expected, reused);
            var fromReused = RosMessageCodec.Encode(reused);

            Assert.That(Convert.ToHexString(actual), Is.EqualTo(Convert.ToHexString(expected)), $"{T.RosTypeName} seed {seed}");
            Assert.That(fromReused, Is.EqualTo(expected), $"{T.RosTypeName} seed {seed} decoded into a reused instance");
            Assert.That(RosMessageCodec.GetEncodedSize(message), Is.EqualTo(expected.Length), $"{T.RosTypeName} seed {seed} size");
        }
    }
}
