using Apprentice.Core.Observations;
using Apprentice.Core.Policies;
using Apprentice.Core.Preprocessing;
using Apprentice.Core.Status;
using Apprentice.Core.Time;

namespace Apprentice.Core.Control;

/// <summary>
/// One control tick per <see cref="Update"/>: snapshot → (preprocess → inference | chunk
/// ensembling) → fallback when needed → safety stage → sink. Every tick ends with a
/// <see cref="PolicyStatusSnapshot"/>; nothing on this path throws or allocates in steady state.
/// </summary>
/// <remarks>
/// Real-time contract: call <see cref="Update"/> from one thread at the control rate (a
/// <see cref="ControlLoopRunner"/> or the node's executor). Scheduling lives outside; the loop only
/// reads the clock to time its stages and enforce the inference deadline.
/// </remarks>
public sealed partial class ControlLoop
{
    private readonly ControlLoopOptions _options;
    private readonly ObservationAssembler _assembler;
    private readonly IObservationEncoder[] _encoders;
    private readonly IPolicy _policy;
    private readonly ActionLimits _limits;
    private readonly IFallbackCommandSource _fallback;
    private readonly ICommandSink _sink;
    private readonly ICommandFilter? _filter;
    private readonly TimeProvider _clock;
    private readonly float[] _chunk;
    private readonly double[] _action;
    private readonly double[] _command;
    private readonly double[] _last;
    private readonly double[] _previous;
    private int _published;
    private long _tick;
    private long _pendingMissed;

    /// <summary>Validates the options against the parts and preallocates every buffer.</summary>
    /// <exception cref="ConfigurationException">Options invalid, limits of the wrong size, or chunked mode without a worker.</exception>
    public ControlLoop(ControlLoopOptions options, ControlLoopParts parts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parts);
        options.Validate();
        _options = options;
        _assembler = parts.Assembler;
        _encoders = [.. parts.Encoders];
        _policy = parts.Policy;
        var dim = _policy.ActionDimension;
        if (dim < 1 || _policy.ChunkLength < 1)
        {
            throw new ConfigurationException("policy", "action dimension and chunk length must be positive (got " + dim + ", " + _policy.ChunkLength + ").");
        }

        _limits = parts.Limits ?? ActionLimits.Unbounded(dim);
        if (_limits.Dimension != dim)
        {
            throw new ConfigurationException("policy.action_limits", "has " + _limits.Dimension + " dimensions but the policy's action has " + dim + ".");
        }

        _fallback = parts.Fallback;
        _sink = parts.Sink;
        _filter = parts.Filter;
        _clock = parts.Clock;
        _chunk = new float[_policy.ChunkLength * dim];
        _action = new double[dim];
        _command = new double[dim];
        _last = new double[dim];
        _previous = new double[dim];
        if (options.Mode == ControlMode.Chunked)
        {
            _worker = parts.Worker ?? throw new ConfigurationException("control.mode", "chunked mode needs an inference worker (ThreadedChunkWorker).");
            _ensembler = new TemporalEnsembler(dim, _policy.ChunkLength, options.EnsembleDecay, options.TemporalEnsembling);
        }

        foreach (var input in _policy.Inputs)
        {
            if (!_encoders.Any(e => e.TensorName == input.Name))
            {
                throw new ConfigurationException(
                    "policy.inputs." + input.Name,
                    "the model input has no observation encoder; map it to a camera, LiDAR or joint-state input in the policy card (encoders: "
                    + string.Join(", ", _encoders.Select(e => e.TensorName)) + ").");
            }
        }
    }

    /// <summary>Options in force.</summary>
    public ControlLoopOptions Options => _options;

    /// <summary>Tick counters (any thread).</summary>
    public ControlCounters Counters { get; } = new();

    /// <summary>Stage latency histograms (read on the control thread or after the loop stopped).</summary>
    public StageTimings Timings { get; } = new();

    /// <summary>The status of the last tick.</summary>
    public PolicyStatusSnapshot LastStatus { get; private set; }

    /// <summary>Records scheduled ticks skipped before the next <see cref="Update"/> (called by the scheduler).</summary>
    public void NoteMissedTicks(long missed) => _pendingMissed += missed;

    /// <summary>
    /// Runs one tick at monotonic time <paramref name="now"/> with control period
    /// <paramref name="period"/>. Real-time safe: allocation-free in steady state, never throws.
    /// </summary>
    public PolicyStatusSnapshot Update(TimeSpan now, TimeSpan period)
    {
        var latencies = default(StageLatencies);
        var tick = _tick++;
        var outcome = PolicyOutcome.ModelError;
        var source = CommandSource.None;
        var safety = CommandFilterResult.PassThrough;
        ObservationSnapshot? snapshot = null;
        try
        {
            var t0 = Now();
            snapshot = _assembler.Take(now);
            var t1 = Now();
            latencies.Snapshot = t1 - t0;
            outcome = _options.Mode == ControlMode.Synchronous
                ? SynchronousAction(snapshot, now, ref latencies)
                : ChunkedAction(snapshot, tick, ref latencies);
            var t2 = Now();
            source = Choose(outcome, snapshot, now, period);
            if (source != CommandSource.None && _filter is not null)
            {
                safety = _filter.Apply(now, period, snapshot, source, _command);
            }

            var t3 = Now();
            latencies.Safety = t3 - t2;
            if (source != CommandSource.None)
            {
                _sink.Publish(now, _command, source);
                Remember();
            }

            latencies.Publish = Now() - t3;
        }
#pragma warning disable CA1031 // The tick barrier: any failure becomes an outcome and the fallback.
        catch (Exception)
#pragma warning restore CA1031
        {
            Counters.OnFault();
            outcome = PolicyOutcome.ModelError;
            source = FallbackAfterFault(snapshot, now, period);
        }

        var alpha = source == CommandSource.Policy ? safety.Alpha : 0.0;
        var status = new PolicyStatusSnapshot(
            tick, now, outcome, source, latencies, alpha, safety.SafetyRuleFlags, false, snapshot?.NotFreshMask ?? 0, _pendingMissed);
        Counters.OnTick(outcome, source != CommandSource.Policy, _pendingMissed);
        _pendingMissed = 0;
        Timings.Record(latencies);
        LastStatus = status;
        return status;
    }

    /// <summary>Forgets chunks, histories and the command memory (on activate/reset). Control thread.</summary>
    public void Reset()
    {
        _ensembler?.Clear();
        foreach (var encoder in _encoders)
        {
            encoder.Reset();
        }

        _published = 0;
        _nextQueryTick = 0;
    }

    private TimeSpan Now() => MonotonicTime.Now(_clock);

    private PolicyOutcome SynchronousAction(ObservationSnapshot snapshot, TimeSpan now, ref StageLatencies latencies)
    {
        if (!snapshot.IsUsable)
        {
            return PolicyOutcome.InputsStale;
        }

        var deadline = now + _options.EffectiveBudget;
        var p0 = Now();
        var encoded = Encode(snapshot);
        var p1 = Now();
        latencies.Preprocess = p1 - p0;
        if (!encoded)
        {
            return PolicyOutcome.InputsStale;
        }

        var remaining = deadline - p1;
        if (remaining <= TimeSpan.Zero)
        {
            return PolicyOutcome.BudgetExceeded;
        }

        var outcome = InferGuarded(remaining);
        var p2 = Now();
        latencies.Inference = p2 - p1;
        if (outcome == PolicyOutcome.Ok && p2 > deadline)
        {
            outcome = PolicyOutcome.BudgetExceeded;
        }

        if (outcome == PolicyOutcome.Ok)
        {
            outcome = _limits.Check(_chunk);
        }

        if (outcome == PolicyOutcome.Ok)
        {
            for (var j = 0; j < _action.Length; j++)
            {
                _action[j] = _chunk[j];
            }
        }

        return outcome;
    }

    private PolicyOutcome InferGuarded(TimeSpan budget)
    {
        try
        {
            return _policy.Infer(budget, _chunk);
        }
#pragma warning disable CA1031 // A throwing model is a ModelError outcome.
        catch (Exception)
#pragma warning restore CA1031
        {
            return PolicyOutcome.ModelError;
        }
    }

    private bool Encode(ObservationSnapshot snapshot)
    {
        foreach (var encoder in _encoders)
        {
            if (encoder.Encode(snapshot) != PreprocessStatus.Ok)
            {
                return false;
            }
        }

        return true;
    }

    private CommandSource Choose(PolicyOutcome outcome, ObservationSnapshot snapshot, TimeSpan now, TimeSpan period)
    {
        if (outcome == PolicyOutcome.Ok)
        {
            _action.CopyTo(_command, 0);
            return CommandSource.Policy;
        }

        var context = new FallbackContext(now, period, outcome, snapshot, _last, _previous, _published);
        return _fallback.TryProduce(context, _command) ? CommandSource.Fallback : CommandSource.None;
    }

    private CommandSource FallbackAfterFault(ObservationSnapshot? snapshot, TimeSpan now, TimeSpan period)
    {
        try
        {
            var context = new FallbackContext(now, period, PolicyOutcome.ModelError, snapshot, _last, _previous, _published);
            if (!_fallback.TryProduce(context, _command))
            {
                return CommandSource.None;
            }

            _sink.Publish(now, _command, CommandSource.Fallback);
            Remember();
            return CommandSource.Fallback;
        }
#pragma warning disable CA1031 // Second failure in the same tick: publish nothing; the controller's own timeout halts.
        catch (Exception)
#pragma warning restore CA1031
        {
            return CommandSource.None;
        }
    }

    private void Remember()
    {
        _last.CopyTo(_previous, 0);
        _command.CopyTo(_last, 0);
        _published = Math.Min(_published + 1, 2);
    }
}
