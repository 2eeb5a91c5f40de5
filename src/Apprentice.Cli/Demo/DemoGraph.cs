using System.Collections.Concurrent;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Cli.Demo;

/// <summary>
/// The demo's own node ("apprentice_demo") on the private domain: clients of the sim's <c>/sim/reset_episode</c> and
/// the recorder's episode services, and subscriptions to <c>/sim/episode_result</c>, <c>/policy_node/status</c> and
/// <c>/joint_states</c> (to know the graph is up).
/// </summary>
internal sealed class DemoGraph : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private readonly DdsNode _node;
    private readonly List<IDisposable> _owned = [];
    private readonly DdsServiceClient _reset;
    private readonly DdsServiceClient _start;
    private readonly DdsServiceClient _stop;
    private readonly DdsServiceClient _label;
    private readonly ConcurrentQueue<SimEpisodeResult> _results = new();
    private EpisodeStats? _current;
    private long _joints;
    private long _statuses;
    private readonly bool _policy;

    /// <summary>Creates the node on <paramref name="domainId"/>; <paramref name="policy"/>: a policy node is part of the run.</summary>
    public DemoGraph(uint domainId, string cycloneConfig, bool policy)
    {
        _policy = policy;
        _node = new DdsNode(new DdsNodeOptions { NodeName = "apprentice_demo", DomainId = domainId, CycloneConfig = cycloneConfig }.Validate(), TimeProvider.System, Serilog.Core.Logger.None);
        _reset = Own(_node.CreateClient<ResetEpisodeService, ResetEpisodeRequest, ResetEpisodeResponse>("/sim/reset_episode", QosProfiles.Services));
        _start = Own(_node.CreateClient<StartEpisodeService, StartEpisodeRequest, StartEpisodeResponse>("/recorder/start_episode", QosProfiles.Services));
        _stop = Own(_node.CreateClient<StopEpisodeService, StopEpisodeRequest, StopEpisodeResponse>("/recorder/stop_episode", QosProfiles.Services));
        _label = Own(_node.CreateClient<LabelEpisodeService, LabelEpisodeRequest, LabelEpisodeResponse>("/recorder/label_episode", QosProfiles.Services));
        Own(_node.CreateSubscription<SimEpisodeResult>("/sim/episode_result", QosProfiles.Default, (m, _) => _results.Enqueue(m)));
        Own(_node.CreateSubscription<JointState>("/joint_states", QosProfiles.Default, (_, _) => Interlocked.Increment(ref _joints)));
        Own(_node.CreateSubscription<PolicyStatus>("/policy_node/status", QosProfiles.Default, (m, _) =>
        {
            Interlocked.Increment(ref _statuses);
            Volatile.Read(ref _current)?.Add(m);
        }));
    }

    /// <summary>Sim, recorder and (when driving) the policy node are up: services answer, joint states and policy ticks flow.</summary>
    public bool Ready =>
        _reset.IsServiceReady && _start.IsServiceReady && _stop.IsServiceReady && _label.IsServiceReady &&
        Interlocked.Read(ref _joints) > 10 && (!_policy || Interlocked.Read(ref _statuses) > 5);

    /// <summary>What is still missing while not <see cref="Ready"/>, readable.</summary>
    public string Missing()
    {
        var missing = new List<string>();
        if (!_reset.IsServiceReady || Interlocked.Read(ref _joints) == 0)
        {
            missing.Add("sim (/sim/reset_episode, /joint_states)");
        }

        if (!_start.IsServiceReady || !_stop.IsServiceReady || !_label.IsServiceReady)
        {
            missing.Add("recorder (/recorder/start_episode …)");
        }

        if (_policy && Interlocked.Read(ref _statuses) == 0)
        {
            missing.Add("policy node (/policy_node/status)");
        }

        return missing.Count == 0 ? "nothing" : string.Join(", ", missing);
    }

    /// <summary>Routes the policy's status ticks into <paramref name="stats"/> from now on (null: drop them).</summary>
    public void Collect(EpisodeStats? stats) => Volatile.Write(ref _current, stats);

    /// <summary>Drops results received so far.</summary>
    public void ClearResults() => _results.Clear();

    /// <summary>The result of episode (<paramref name="seed"/>, <paramref name="index"/>) if it has arrived.</summary>
    public SimEpisodeResult? TryTakeResult(int seed, int index)
    {
        while (_results.TryDequeue(out var r))
        {
            if (r.Seed == seed && r.Index == index)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Asks the sim to start episode (<paramref name="seed"/>, <paramref name="index"/>) at its next step.</summary>
    public ResetEpisodeResponse ResetSim(int seed, int index, CancellationToken cancel) =>
        Call<ResetEpisodeRequest, ResetEpisodeResponse>(_reset, new() { Seed = seed, Index = index }, cancel);

    /// <summary>Starts a recorder episode.</summary>
    public StartEpisodeResponse StartEpisode(string task, string operatorName, CancellationToken cancel) =>
        Call<StartEpisodeRequest, StartEpisodeResponse>(_start, new() { Task = task, OperatorName = operatorName }, cancel);

    /// <summary>Stops the recorder's current episode with its success label.</summary>
    public StopEpisodeResponse StopEpisode(bool success, CancellationToken cancel) =>
        Call<StopEpisodeRequest, StopEpisodeResponse>(_stop, new() { SuccessLabel = success }, cancel);

    /// <summary>Sets the task text, operator and success label of recorder episode <paramref name="index"/>.</summary>
    public LabelEpisodeResponse LabelEpisode(uint index, string task, string operatorName, bool success, CancellationToken cancel) =>
        Call<LabelEpisodeRequest, LabelEpisodeResponse>(_label, new() { EpisodeIndex = index, Task = task, OperatorName = operatorName, SuccessLabel = success }, cancel);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var o in Enumerable.Reverse(_owned))
        {
            o.Dispose();
        }

        _node.Dispose();
    }

    private static TResponse Call<TRequest, TResponse>(DdsServiceClient client, TRequest request, CancellationToken cancel)
        where TRequest : class, IRosMessage<TRequest>, new()
        where TResponse : class, IRosMessage<TResponse>, new()
    {
        try
        {
            return client.CallAsync<TRequest, TResponse>(request, cancel).WaitAsync(CallTimeout, cancel).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw new DemoException($"service {client.Service} did not answer within {CallTimeout.TotalSeconds:F0} s");
        }
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }
}
