using Apprentice.Dds.Graph;

namespace Apprentice.Dds.Tests.Graph;

public sealed class ParticipantEntitiesInfoCodecTests
{
    private const string P = "0110aabbccddeeff00112233000001c1";

    [TestCase(16)]
    [TestCase(24)]
    public void RoundTrips(int gidSize)
    {
        var nodes = new List<GraphNode>
        {
            new("/robot", "policy", P, ["0110aabbccddeeff0011223300000104"], ["0110aabbccddeeff0011223300000203", "0110aabbccddeeff0011223300000303"]),
            new("/", "x", P, [], []),
        };
        var bytes = ParticipantEntitiesInfoCodec.Encode(P, nodes, gidSize);
        var decoded = ParticipantEntitiesInfoCodec.Decode(bytes, gidSize);
        Assert.That(decoded, Is.Not.Null);
        Assert.That(decoded!.Value.ParticipantGid, Is.EqualTo(P));
        Assert.That(decoded.Value.Nodes.Select(n => (n.FullyQualifiedName, string.Join(",", n.ReaderGids), string.Join(",", n.WriterGids))),
            Is.EqualTo(nodes.Select(n => (n.FullyQualifiedName, string.Join(",", n.ReaderGids), string.Join(",", n.WriterGids)))));
    }

    [Test]
    public void LayoutIsGidThenCountThenStrings()
    {
        var bytes = ParticipantEntitiesInfoCodec.Encode(P, [new GraphNode("/", "n", P, [], [])], 24);
        Assert.That(bytes[..4], Is.EqualTo(new byte[] { 0, 1, 0, 0 }));
        Assert.That(Convert.ToHexStringLower(bytes.AsSpan(4, 16)), Is.EqualTo(P));
        Assert.That(bytes.AsSpan(20, 8).ToArray(), Is.All.EqualTo(0), "Humble pads the gid to 24 bytes");
        Assert.That(BitConverter.ToUInt32(bytes, 28), Is.EqualTo(1u), "one node");
        Assert.That(BitConverter.ToUInt32(bytes, 32), Is.EqualTo(2u), "namespace '/' with its NUL");
    }

    [Test]
    public void TruncatedOrRandomBytesDecodeToNullWithoutThrowing()
    {
        var good = ParticipantEntitiesInfoCodec.Encode(P, [new GraphNode("/ns", "node", P, [P], [P])], 16);
        for (var n = 0; n < good.Length - 1; n++)
        {
            Assert.That(ParticipantEntitiesInfoCodec.Decode(good.AsSpan(0, n), 16), Is.Null, $"truncated at {n}");
        }

        var rng = new Random(5);
        for (var i = 0; i < 5000; i++)
        {
            var junk = new byte[rng.Next(0, 80)];
            rng.NextBytes(junk);
            Assert.DoesNotThrow(() => ParticipantEntitiesInfoCodec.Decode(junk, 16));
        }
    }
}
