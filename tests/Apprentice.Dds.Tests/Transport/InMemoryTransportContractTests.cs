using Apprentice.Dds.Memory;
using Apprentice.Dds.Transport;

namespace Apprentice.Dds.Tests.Transport;

[TestFixture]
public sealed class InMemoryTransportContractTests : TransportContractTests
{
    private readonly InMemoryBus _bus = new();

    protected override ITransport CreateNode(string name, TimeProvider time, Serilog.ILogger log) => CreateNode(name, "/", time, log);

    protected override ITransport CreateNode(string name, string ns, TimeProvider time, Serilog.ILogger log) =>
        new InMemoryTransport(_bus, name, ns, time, log);
}
