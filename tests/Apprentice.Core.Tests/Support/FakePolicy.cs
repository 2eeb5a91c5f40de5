using Apprentice.Core.Policies;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Core.Tests.Support;

/// <summary>What a <see cref="FakePolicy"/> does on one call.</summary>
internal enum FakeBehaviour
{
    Ok,
    Slow,
    SlowButCancelled,
    NaN,
    Infinite,
    OutOfRange,
    ModelError,
    Throws,
}

/// <summary>
/// A policy whose action is a known function of its input (action[s, j] = input[0] + 10·s + j) and
/// whose behaviour per call follows a script; "slow" advances the fake clock. Allocation-free.
/// </summary>
internal sealed class FakePolicy : IPolicy
{
    private readonly float[] _input;
    private readonly FakeTimeProvider? _clock;
    private readonly InvalidOperationException _error = new("fake model failure");

    public FakePolicy(int inputLength, int actionDimension, int chunkLength = 1, FakeTimeProvider? clock = null)
    {
        _input = new float[inputLength];
        Inputs = [new PolicyInputBuffer("obs", [1, inputLength], _input)];
        ActionDimension = actionDimension;
        ChunkLength = chunkLength;
        _clock = clock;
    }

    public IReadOnlyList<PolicyInputBuffer> Inputs { get; }

    public int ActionDimension { get; }

    public int ChunkLength { get; }

    public FakeBehaviour[] Script { get; set; } = [FakeBehaviour.Ok];

    public TimeSpan SlowBy { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan LastBudget { get; private set; }

    public int Calls { get; private set; }

    public Memory<float> Input => _input;

    public static float Expected(float input0, int step, int joint) => input0 + (10 * step) + joint;

    public PolicyOutcome Infer(TimeSpan budget, Span<float> actionChunk)
    {
        LastBudget = budget;
        var behaviour = Script[Calls++ % Script.Length];
        for (var s = 0; s < ChunkLength; s++)
        {
            for (var j = 0; j < ActionDimension; j++)
            {
                actionChunk[(s * ActionDimension) + j] = Expected(_input[0], s, j);
            }
        }

        switch (behaviour)
        {
            case FakeBehaviour.Slow:
                _clock?.Advance(SlowBy);
                return PolicyOutcome.Ok;
            case FakeBehaviour.SlowButCancelled:
                _clock?.Advance(budget);
                return PolicyOutcome.BudgetExceeded;
            case FakeBehaviour.NaN:
                actionChunk[ActionDimension - 1] = float.NaN;
                return PolicyOutcome.Ok;
            case FakeBehaviour.Infinite:
                actionChunk[0] = float.PositiveInfinity;
                return PolicyOutcome.Ok;
            case FakeBehaviour.OutOfRange:
                actionChunk[0] = 1e6f;
                return PolicyOutcome.Ok;
            case FakeBehaviour.ModelError:
                return PolicyOutcome.ModelError;
            case FakeBehaviour.Throws:
                throw _error;
            default:
                return PolicyOutcome.Ok;
        }
    }
}
