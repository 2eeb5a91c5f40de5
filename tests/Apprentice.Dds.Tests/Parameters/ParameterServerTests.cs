using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Parameters;
using Apprentice.Dds.Services;
using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Timing;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.RclInterfaces;
using Apprentice.Ros.Msgs.RosgraphMsgs;
using Apprentice.Ros.Qos;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Dds.Tests.Parameters;

/// <summary>The parameter services as <c>ros2 param</c> calls them: rmw_cyclonedds services on the node's <c>~/</c> names.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ParameterServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private DdsNode _server = null!;
    private DdsNode _client = null!;
    private ParameterStore _store = null!;
    private RosTimeProvider _time = null!;
    private ParameterServer _parameters = null!;
    private string _ns = null!;

    [SetUp]
    public void SetUp()
    {
        var sink = new CollectingSink();
        _ns = $"/params_{Environment.ProcessId}_{TestContext.CurrentContext.Test.MethodName!.ToLowerInvariant()}";
        _server = new DdsNode(new DdsNodeOptions { NodeName = "arm", Namespace = _ns, DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, sink.CreateLogger());
        _client = new DdsNode(new DdsNodeOptions { NodeName = "ros2_param", DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, sink.CreateLogger());
        _store = new ParameterStore();
        _store.Declare(new ParameterDeclaration("max_velocity_rad_per_sec", ParameterValues.Of(1.0))
        {
            Description = "Joint speed limit (rad/s).",
            FloatingPointRange = new FloatingPointRange { FromValue = 0, ToValue = 3.14 },
        });
        _store.Declare(new ParameterDeclaration("robot", ParameterValues.Of("ur5")) { ReadOnly = true });
        _time = new RosTimeProvider(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        _parameters = new ParameterServer(_server, _store, _time);
    }

    [TearDown]
    public void TearDown()
    {
        _parameters.Dispose();
        _client.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task GetDescribeListAndTypesAnswerFromTheStore()
    {
        var get = await Call<GetParametersService, GetParametersRequest, GetParametersResponse>("get_parameters", new() { Names = ["robot", "max_velocity_rad_per_sec"] });
        Assert.That(get.Values.Select(v => v.Type), Is.EqualTo(new[] { ParameterType.PARAMETER_STRING, ParameterType.PARAMETER_DOUBLE }));
        Assert.That(get.Values[0].StringValue, Is.EqualTo("ur5"));

        var describe = await Call<DescribeParametersService, DescribeParametersRequest, DescribeParametersResponse>("describe_parameters", new() { Names = ["max_velocity_rad_per_sec"] });
        Assert.That(describe.Descriptors[0].Description, Is.EqualTo("Joint speed limit (rad/s)."));
        Assert.That(describe.Descriptors[0].FloatingPointRange.Single().ToValue, Is.EqualTo(3.14));

        var list = await Call<ListParametersService, ListParametersRequest, ListParametersResponse>("list_parameters", new());
        Assert.That(list.Result.Names, Is.EqualTo(new[] { "max_velocity_rad_per_sec", "robot", "use_sim_time" }));

        var types = await Call<GetParameterTypesService, GetParameterTypesRequest, GetParameterTypesResponse>("get_parameter_types", new() { Names = ["use_sim_time"] });
        Assert.That(types.Types, Is.EqualTo(new[] { ParameterType.PARAMETER_BOOL }));
    }

    [Test]
    public async Task SetChangesValuesAndPublishesAParameterEvent()
    {
        var events = new List<ParameterEvent>();
        using var sub = _client.CreateSubscription<ParameterEvent>("/parameter_events", QosProfiles.ParameterEvents, (e, _) => { lock (events) { events.Add(e); } }, MessageDelivery.Fresh);
        Assert.That(Wait.Until(() => sub.MatchedPublisherCount > 0), Is.True);

        var set = await Call<SetParametersService, SetParametersRequest, SetParametersResponse>("set_parameters", new()
        {
            Parameters = [new() { Name = "max_velocity_rad_per_sec", Value = ParameterValues.Of(2.0) }, new() { Name = "robot", Value = ParameterValues.Of("x") }],
        });
        Assert.That(set.Results.Select(r => r.Successful), Is.EqualTo(new[] { true, false }));
        Assert.That(_store.Get("max_velocity_rad_per_sec")!.DoubleValue, Is.EqualTo(2.0));

        var atomic = await Call<SetParametersAtomicallyService, SetParametersAtomicallyRequest, SetParametersAtomicallyResponse>("set_parameters_atomically", new()
        {
            Parameters = [new() { Name = "max_velocity_rad_per_sec", Value = ParameterValues.Of(9.0) }],
        });
        Assert.That(atomic.Result.Successful, Is.False, "outside the declared range");

        Assert.That(Wait.Until(() => { lock (events) { return events.Any(e => e.Node == _ns + "/arm" && e.ChangedParameters.Length == 1); } }), Is.True);
        lock (events)
        {
            var e = events.First(e => e.Node == _ns + "/arm" && e.ChangedParameters.Length == 1);
            Assert.That(e.ChangedParameters[0].Name, Is.EqualTo("max_velocity_rad_per_sec"));
            Assert.That(e.ChangedParameters[0].Value.DoubleValue, Is.EqualTo(2.0));
            Assert.That(e.Stamp.Sec, Is.EqualTo((int)new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()));
        }
    }

    [Test]
    public async Task UseSimTimeSwitchesTheClockToTheLastClockMessage()
    {
        using var clock = _client.CreatePublisher<Clock>("/clock", QosProfiles.Default with { Depth = 1 });
        Assert.That(_time.GetUtcNow().Year, Is.EqualTo(2026), "wall time before use_sim_time");
        var set = await Call<SetParametersService, SetParametersRequest, SetParametersResponse>("set_parameters", new()
        {
            Parameters = [new() { Name = ParameterServer.UseSimTime, Value = ParameterValues.Of(true) }],
        });
        Assert.That(set.Results[0].Successful, Is.True);
        Assert.That(Wait.Until(() => clock.MatchedSubscriptionCount == 1), Is.True, "no /clock subscription");
        Assert.That(Wait.Until(() =>
        {
            clock.Publish(new Clock { ClockValue = new() { Sec = 42, Nanosec = 500_000_000 } });
            return _time.GetUtcNow() == DateTimeOffset.UnixEpoch.AddSeconds(42.5);
        }), Is.True, "sim time not taken from /clock");

        await Call<SetParametersService, SetParametersRequest, SetParametersResponse>("set_parameters", new()
        {
            Parameters = [new() { Name = ParameterServer.UseSimTime, Value = ParameterValues.Of(false) }],
        });
        Assert.That(_time.GetUtcNow().Year, Is.EqualTo(2026));
        Assert.That(Wait.Until(() => clock.MatchedSubscriptionCount == 0), Is.True, "the /clock subscription stays after use_sim_time went off");
    }

    private async Task<TResponse> Call<TService, TRequest, TResponse>(string service, TRequest request)
        where TService : Ros.Messages.IRosService<TRequest, TResponse>
        where TRequest : class, Ros.Messages.IRosMessage<TRequest>, new()
        where TResponse : class, Ros.Messages.IRosMessage<TResponse>, new()
    {
        using var client = _client.CreateClient<TService, TRequest, TResponse>(_ns + "/arm/" + service, QosProfiles.Services);
        Assert.That(Wait.Until(() => client.IsServiceReady), Is.True, service + " never became ready");
        using var cts = new CancellationTokenSource(Timeout);
        return await client.CallAsync<TRequest, TResponse>(request, cts.Token);
    }
}
