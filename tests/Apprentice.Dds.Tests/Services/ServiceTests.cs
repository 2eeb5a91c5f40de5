using System.Buffers.Binary;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Dds.Tests.Support;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Services;

[TestFixture]
[NonParallelizable]
public sealed class ServiceTests
{
    [Test]
    public void HeaderSitsBetweenEncapsulationAndBodyInWriterByteOrder()
    {
        byte[] message = [0, 1, 0, 0, 0xAA, 0xBB];
        var wire = new byte[message.Length + ServiceHeader.Size];
        var n = ServiceHeader.Wrap(message, 0x0102030405060708UL, 42, wire);
        Assert.That(n, Is.EqualTo(22));
        Assert.That(wire[..4], Is.EqualTo(new byte[] { 0, 1, 0, 0 }));
        Assert.That(BinaryPrimitives.ReadUInt64LittleEndian(wire.AsSpan(4)), Is.EqualTo(0x0102030405060708UL));
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(wire.AsSpan(12)), Is.EqualTo(42));
        Assert.That(wire[20..], Is.EqualTo(new byte[] { 0xAA, 0xBB }));
        Assert.That(ServiceHeader.Unwrap(wire), Is.EqualTo(message));

        byte[] bigEndian = [0, 0, 0, 0];
        var wireBe = new byte[20];
        ServiceHeader.Wrap(bigEndian, 7, 9, wireBe);
        Assert.That(ServiceHeader.TryRead(wireBe, out var g, out var s), Is.True);
        Assert.That((g, s), Is.EqualTo((7UL, 9L)));
        Assert.That(wireBe[11], Is.EqualTo(7), "big-endian guid");
    }

    [Test]
    public void IdTextMatchesRmwCycloneddsFormat()
    {
        var guid = Convert.FromHexString("010f0aff00000000000000010000000000000000");
        Assert.That(ServiceHeader.IdText(guid.AsSpan(0, 16), 1), Is.EqualTo(" 1.f.a.ff.0.0.0.0.0.0.0.1.0.0.0.1"));
    }

    [Test]
    public void ClientCallsServerOverDdsAndEachClientGetsOnlyItsReplies()
    {
        var sink = new CollectingSink();
        DdsNode Make(string name) => new(new DdsNodeOptions { NodeName = name, DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, sink.CreateLogger());
        using var serverNode = Make("adder");
        using var clientNode = Make("caller");
        var service = $"/add_two_ints_{Environment.ProcessId}";
        using var server = serverNode.CreateRawService(service, "example_interfaces/srv/AddTwoInts", QosProfiles.Services, request =>
        {
            var a = BinaryPrimitives.ReadInt64LittleEndian(request.Slice(4));
            var b = BinaryPrimitives.ReadInt64LittleEndian(request.Slice(12));
            var response = new byte[12];
            response[1] = 1;
            BinaryPrimitives.WriteInt64LittleEndian(response.AsSpan(4), a + b);
            return response;
        });
        using var c1 = clientNode.CreateRawClient(service, "example_interfaces/srv/AddTwoInts", QosProfiles.Services);
        using var c2 = clientNode.CreateRawClient(service, "example_interfaces/srv/AddTwoInts", QosProfiles.Services);
        Assert.That(Wait.Until(() => c1.IsServiceReady && c2.IsServiceReady), Is.True);

        static byte[] Request(long a, long b)
        {
            var r = new byte[20];
            r[1] = 1;
            BinaryPrimitives.WriteInt64LittleEndian(r.AsSpan(4), a);
            BinaryPrimitives.WriteInt64LittleEndian(r.AsSpan(12), b);
            return r;
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var calls = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? c1 : c2).CallAsync(Request(i, 1000), cts.Token)).ToArray();
        Assert.That(Task.WaitAll(calls, TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(calls.Select(t => BinaryPrimitives.ReadInt64LittleEndian(t.Result.AsSpan(4))), Is.EqualTo(Enumerable.Range(0, 10).Select(i => 1000L + i)));
        Assert.That(serverNode.DiscoveredEndpoints().Where(e => e.DdsTopic == "rq" + service + "Request").Select(e => e.UserData),
            Has.Some.StartsWith("clientid=").And.Some.StartsWith("serviceid="));
        Assert.That(sink.Warnings, Is.Empty);
    }
}
