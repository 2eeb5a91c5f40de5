using Apprentice.Core.Control;
using Apprentice.Core.Policies;
using Apprentice.Core.Tests.Support;

namespace Apprentice.Core.Tests.Control;

public sealed class ThreadedChunkWorkerTests
{
    [Test]
    public void Worker_runs_the_policy_off_thread_and_hands_back_the_chunk()
    {
        var policy = new FakePolicy(1, 2, 3);
        policy.Input.Span[0] = 4f;
        using var worker = new ThreadedChunkWorker(policy, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        worker.Submit(7, TimeSpan.FromSeconds(1));
        var chunk = new float[6];

        Assert.That(WaitForDone(worker), Is.True);
        Assert.That(worker.TryTakeResult(chunk, out var outcome, out var start), Is.True);
        Assert.That((outcome, start), Is.EqualTo((PolicyOutcome.Ok, 7L)));
        Assert.That(chunk, Is.EqualTo(new[] { 4f, 5f, 14f, 15f, 24f, 25f }));
        Assert.That(worker.State, Is.EqualTo(ChunkWorkerState.Idle));
    }

    [Test]
    public void Throwing_policy_becomes_model_error_and_busy_worker_refuses_a_second_submission()
    {
        var policy = new FakePolicy(1, 1) { Script = [FakeBehaviour.Throws] };
        using var worker = new ThreadedChunkWorker(policy, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        worker.Submit(0, TimeSpan.FromSeconds(1));
        Assert.That(WaitForDone(worker), Is.True);
        Assert.Throws<InvalidOperationException>(() => worker.Submit(1, TimeSpan.FromSeconds(1)));
        worker.TryTakeResult(new float[1], out var outcome, out _);
        Assert.That(outcome, Is.EqualTo(PolicyOutcome.ModelError));
    }

    private static bool WaitForDone(ThreadedChunkWorker worker) =>
        SpinWait.SpinUntil(() => worker.State == ChunkWorkerState.Done, TimeSpan.FromSeconds(10));
}
