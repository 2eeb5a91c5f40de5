using Apprentice.Ros.Tests.Support;
using System.Text.Json;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Dynamic;

/// <summary>Mutated payloads must give a message or a <see cref="CdrException"/>: no other exception, hang or big allocation.</summary>
public sealed class DynamicDecoderFuzzTests
{
    private const int Iterations = 120_000;

    [Test]
    public void MutatedPayloadsYieldTypedErrorsOrMessages()
    {
        var cases = Seeds();
        var random = new Random(1234);
        var outcomes = new int[2];
        for (var i = 0; i < Iterations; i++)
        {
            var (codec, definition, seed) = cases[i % cases.Count];
            var payload = Mutate(seed, random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                codec.Decode(definition, payload);
                outcomes[0]++;
            }
            catch (CdrException)
            {
                outcomes[1]++;
            }
            catch (Exception e)
            {
                Assert.Fail("iteration " + i + " (" + definition.FullName + ", payload " + Convert.ToHexString(payload) + ") threw " + e);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(allocated, Is.LessThan(256L * payload.Length + (1 << 20)), definition.FullName + " allocated too much for " + payload.Length + " bytes");
        }

        Assert.That(outcomes[1], Is.GreaterThan(Iterations / 10), "most mutations should be caught");
        Assert.That(outcomes[0], Is.GreaterThan(0), "some mutations keep the payload valid");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var payload = (byte[])seed.Clone();
        switch (random.Next(5))
        {
            case 0:
                return payload.AsSpan(0, random.Next(payload.Length + 1)).ToArray();
            case 1:
                for (var flips = random.Next(1, 5); flips > 0; flips--)
                {
                    payload[random.Next(4, payload.Length)] ^= (byte)(1 << random.Next(8));
                }

                return payload;
            case 2:
                if (payload.Length >= 8)
                {
                    var at = 4 + (random.Next((payload.Length - 4) / 4) * 4);
                    uint[] huge = [0x80000000u, 0xFFFFFFFFu, 0x7FFFFFFFu, (uint)random.Next(), 0x10000u];
                    BitConverter.TryWriteBytes(payload.AsSpan(at, Math.Min(4, payload.Length - at)), huge[random.Next(huge.Length)]);
                }

                return payload;
            case 3:
                payload[random.Next(4, payload.Length)] = (byte)random.Next(256);
                return payload.AsSpan(0, Math.Max(4, payload.Length - random.Next(8))).ToArray();
            default:
                var junk = new byte[random.Next(1, 16)];
                random.NextBytes(junk);
                return [.. payload, .. junk];
        }
    }

    private static List<(DynamicCodec Codec, MessageDefinition Definition, byte[] Seed)> Seeds()
    {
        var result = new List<(DynamicCodec, MessageDefinition, byte[])>();
        var registry = DynamicCodecTests.CreateRegistry();
        var codec = new DynamicCodec(registry);
        var random = new RandomMessages(codec, 99);
        foreach (var name in new[] { "sensor_msgs/msg/JointState", "sensor_msgs/msg/LaserScan", "sensor_msgs/msg/Image", "test_pkg/msg/WithDefaults", "test_pkg/msg/Empty" })
        {
            var definition = codec.Resolve(name);
            for (var i = 0; i < 4; i++)
            {
                result.Add((codec, definition, codec.Encode(random.Create(definition))));
            }
        }

        using var schemas = JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "Apprentice.Ros.Tests", "Schema", "bag-schemas.json")));
        using var messages = JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "Apprentice.Ros.Tests", "Dynamic", "bag-messages.json")));
        foreach (var message in messages.RootElement.EnumerateArray())
        {
            var type = message.GetProperty("schema").GetString()!;
            var schema = schemas.RootElement.EnumerateArray().First(s => s.GetProperty("name").GetString() == type);
            var definitions = Ros2MsgSchema.Parse(type, schema.GetProperty("data").GetString()!, registry);
            result.Add((new DynamicCodec(definitions), definitions.Root, Convert.FromHexString(message.GetProperty("hex").GetString()!)));
        }

        return result;
    }
}
