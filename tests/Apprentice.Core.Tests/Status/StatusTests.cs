using Apprentice.Core.Policies;
using Apprentice.Core.Status;

namespace Apprentice.Core.Tests.Status;

public sealed class StatusTests
{
    [Test]
    public void Stage_timings_report_percentiles_of_the_recorded_ticks()
    {
        var timings = new StageTimings();
        for (var i = 1; i <= 100; i++)
        {
            var latencies = new StageLatencies { Inference = TimeSpan.FromMicroseconds(i * 10), Publish = TimeSpan.FromMicroseconds(1) };
            timings.Record(latencies);
        }

        var inference = timings.Summarise(PipelineStage.Inference);
        Assert.That(inference.Count, Is.EqualTo(100));
        Assert.That(inference.P50.TotalMicroseconds, Is.EqualTo(500).Within(1));
        Assert.That(inference.P99.TotalMicroseconds, Is.EqualTo(990).Within(1));
        Assert.That(inference.Max.TotalMicroseconds, Is.EqualTo(1000).Within(1));
        Assert.That(timings.SummariseTotal().Max.TotalMicroseconds, Is.EqualTo(1001).Within(1));
        timings.Reset();
        Assert.That(timings.Summarise(PipelineStage.Inference).Count, Is.Zero);
    }

    [Test]
    public void Recording_timings_allocates_nothing()
    {
        var timings = new StageTimings();
        var latencies = new StageLatencies { Snapshot = TimeSpan.FromMicroseconds(3), Inference = TimeSpan.FromMilliseconds(2) };
        timings.Record(latencies);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            timings.Record(latencies);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Summaries_read_on_another_thread_while_recording_lose_no_tick()
    {
        var timings = new StageTimings();
        var latencies = new StageLatencies { Inference = TimeSpan.FromMicroseconds(5) };
        var recorder = new Thread(() =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                timings.Record(latencies);
            }
        });
        recorder.Start();
        while (recorder.IsAlive)
        {
            _ = timings.Summarise(PipelineStage.Inference);
        }

        recorder.Join();
        Assert.That(timings.Summarise(PipelineStage.Inference).Count, Is.EqualTo(50_000));
        Assert.That(timings.SummariseTotal().Count, Is.EqualTo(50_000));
    }

    [Test]
    public void Every_outcome_has_readable_text()
    {
        foreach (var outcome in Enum.GetValues<PolicyOutcome>())
        {
            Assert.That(outcome.Describe(), Is.Not.EqualTo("unknown outcome"));
        }
    }
}
