using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Transport;

namespace Apprentice.Dds.Tests.Transport;

[TestFixture]
[NonParallelizable]
public sealed class CycloneTransportContractTests : TransportContractTests
{
    protected override ITransport CreateNode(string name, TimeProvider time, Serilog.ILogger log) => CreateNode(name, "/", time, log);

    protected override ITransport CreateNode(string name, string ns, TimeProvider time, Serilog.ILogger log) =>
        new DdsNode(new DdsNodeOptions { NodeName = name, Namespace = ns, DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, time, log);
}
