using Apprentice.Core.Observations;
using Apprentice.Core.Policies;
using Apprentice.Core.Status;

namespace Apprentice.Core.Control;

/// <summary>Chunked mode: requests chunks from the worker and ensembles them at the control rate.</summary>
public sealed partial class ControlLoop
{
    private readonly IChunkWorker? _worker;
    private readonly TemporalEnsembler? _ensembler;
    private long _nextQueryTick;
    private long _lateChunks;

    /// <summary>Chunked mode: ticks at which a chunk request was due but the previous inference was still running (its chunk was late).</summary>
    public long LateChunks => Interlocked.Read(ref _lateChunks);

    private PolicyOutcome ChunkedAction(ObservationSnapshot snapshot, long tick, ref StageLatencies latencies)
    {
        var worker = _worker!;
        var ensembler = _ensembler!;
        if (!snapshot.IsUsable)
        {
            // Chunks predicted from the old observations must not resume once inputs return.
            TakeResult(worker, ensembler, out _);
            ensembler.Clear();
            return PolicyOutcome.InputsStale;
        }

        var i0 = Now();
        var taken = TakeResult(worker, ensembler, out var chunkOutcome);
        if (tick >= _nextQueryTick)
        {
            if (worker.State == ChunkWorkerState.Idle)
            {
                var p0 = Now();
                var encoded = Encode(snapshot);
                latencies.Preprocess = Now() - p0;
                if (!encoded)
                {
                    return PolicyOutcome.InputsStale;
                }

                worker.Submit(tick, _options.EffectiveBudget);
                _nextQueryTick = tick + _options.ChunkQueryIntervalTicks;
            }
            else
            {
                Interlocked.Increment(ref _lateChunks);
            }
        }

        if (taken && chunkOutcome != PolicyOutcome.Ok)
        {
            latencies.Inference = Now() - i0 - latencies.Preprocess;
            return chunkOutcome;
        }

        var covered = ensembler.TryGetAction(tick, _action);
        latencies.Inference = Now() - i0 - latencies.Preprocess;
        return covered ? PolicyOutcome.Ok : PolicyOutcome.BudgetExceeded;
    }

    private bool TakeResult(IChunkWorker worker, TemporalEnsembler ensembler, out PolicyOutcome outcome)
    {
        if (!worker.TryTakeResult(_chunk, out outcome, out var start))
        {
            return false;
        }

        if (outcome == PolicyOutcome.Ok)
        {
            outcome = _limits.Check(_chunk);
        }

        if (outcome == PolicyOutcome.Ok)
        {
            ensembler.Add(start, _chunk);
        }
        else
        {
            // A model that produced garbage is not trusted for the chunks it made before either.
            ensembler.Clear();
        }

        return true;
    }
}
