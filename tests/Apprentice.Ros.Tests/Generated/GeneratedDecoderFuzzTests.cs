using Apprentice.Ros.Cdr;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Apprentice.Ros.Msgs.GenTest;
using Apprentice.Ros.Msgs.SensorMsgs;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>Mutated payloads thrown at generated decoders: a typed error or a value, never a crash, hang or huge allocation.</summary>
public sealed class GeneratedDecoderFuzzTests
{
    private const int Mutations = 100_000;

    [Test]
    public void MutatedPayloadsYieldValuesOrCdrExceptionsOnly()
    {
        var seeds = new (byte[] Payload, Action<byte[]> Decode)[]
        {
            (RosMessageCodec.Encode(Samples.JointState(7)), Decoder<JointState>()),
            (RosMessageCodec.Encode(Samples.Image(4, 4, seed: 1)), Decoder<Image>()),
            (RosMessageCodec.Encode(Samples.LaserScan(16)), Decoder<LaserScan>()),
            (RosMessageCodec.Encode(new PolicyStatus { AuthorityReasons = new[] { "a", "bc" }, ExecutionProvider = "cpu" }), Decoder<PolicyStatus>()),
            (RosMessageCodec.Encode(new DiagnosticArray { Status = new[] { new DiagnosticStatus { Name = "n", Values = new[] { new KeyValue { Key = "k" } } } } }), Decoder<DiagnosticArray>()),
            (RosMessageCodec.Encode(new Shapes { BoundedInts = new[] { 1 }, ShortTexts = new[] { "ab" }, Wides = new[] { "w" }, Flags = new[] { true }, SomeNothings = new[] { new Nothing() } }), Decoder<Shapes>()),
        };
        var random = new Random(20261126);
        var outcomes = new int[2];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Mutations; i++)
        {
            var (payload, decode) = seeds[i % seeds.Length];
            var mutated = Mutate(payload, random);
            try
            {
                decode(mutated);
                outcomes[0]++;
            }
            catch (CdrException)
            {
                outcomes[1]++;
            }
        }

        var perPayload = (GC.GetAllocatedBytesForCurrentThread() - before) / Mutations;
        Assert.Multiple(() =>
        {
            Assert.That(outcomes[0], Is.GreaterThan(0), "some mutations still decode");
            Assert.That(outcomes[1], Is.GreaterThan(0), "some mutations are rejected");
            Assert.That(perPayload, Is.LessThan(16 * 1024), "bytes allocated per mutated payload on average");
        });
    }

    private static Action<byte[]> Decoder<T>()
        where T : class, IRosMessage<T>, new()
    {
        var reused = new T();
        return payload =>
        {
            RosMessageCodec.Decode<T>(payload);
            RosMessageCodec.DecodeInto(payload, reused);
        };
    }

    private static byte[] Mutate(byte[] payload, Random random)
    {
        var bytes = (byte[])payload.Clone();
        switch (random.Next(4))
        {
            case 0:
                return bytes.AsSpan(0, random.Next(bytes.Length)).ToArray();
            case 1:
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    bytes[random.Next(4, bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                var at = random.Next(4, bytes.Length - 3);
                BitConverter.TryWriteBytes(bytes.AsSpan(at), random.Next(2) == 0 ? int.MaxValue : random.Next(1, 1 << 20));
                return bytes;
            default:
                bytes[random.Next(4, bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
        }
    }
}
