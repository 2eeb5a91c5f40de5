using Apprentice.Dds.Memory;
using Apprentice.Nodes.Diagnostics;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Nodes.Tests.Diagnostics;

[TestFixture]
public sealed class DiagnosticsPublisherTests
{
    [Test]
    public void StatusesAreNamedAfterTheNodeAndAFailingTaskBecomesAnErrorStatus()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
        using var transport = new InMemoryTransport(new InMemoryBus(), "policy_node", "/", time, Serilog.Core.Logger.None);
        using var diagnostics = new DiagnosticsPublisher(transport, time, hardwareId: "panda");
        diagnostics.Add("inputs", s =>
        {
            s.MergeSummary(DiagnosticStatus.OK, "fresh");
            s.MergeSummary(DiagnosticStatus.WARN, "/scan is 0.4 s old");
            s.MergeSummary(DiagnosticStatus.WARN, "/joint_states is 0.3 s old");
            s.Add("scan age", 0.4);
        });
        diagnostics.Add("broken", _ => throw new InvalidOperationException("boom"));

        var array = diagnostics.PublishNow()!;

        Assert.That(array.Status.Select(s => (s.Name, s.Level, s.HardwareId)), Is.EqualTo(new[]
        {
            ("policy_node: inputs", DiagnosticStatus.WARN, "panda"), ("policy_node: broken", DiagnosticStatus.ERROR, "panda"),
        }));
        Assert.That(array.Status[0].Message, Is.EqualTo("/scan is 0.4 s old; /joint_states is 0.3 s old"));
        Assert.That(array.Status[0].Values.Single().Value, Is.EqualTo("0.4"));
        Assert.That(array.Status[1].Message, Does.Contain("boom"));
        Assert.That(array.Header.Stamp.Sec, Is.EqualTo((int)time.GetUtcNow().ToUnixTimeSeconds()));
    }

    [Test]
    public void TimerReportsEveryPeriodUntilDisposedAndTasksCanBeReplacedOrRemoved()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
        using var transport = new InMemoryTransport(new InMemoryBus(), "recorder", "/", time, Serilog.Core.Logger.None);
        var diagnostics = new DiagnosticsPublisher(transport, time, TimeSpan.FromMilliseconds(500));
        var reports = new List<DiagnosticArray>();
        diagnostics.Published += reports.Add;
        diagnostics.Add("a", s => s.Summary(DiagnosticStatus.OK, "one"));
        diagnostics.Add("a", s => s.Summary(DiagnosticStatus.OK, "two"));
        diagnostics.Add("b", s => s.Summary(DiagnosticStatus.OK, ""));
        diagnostics.Start();
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.That(diagnostics.Remove("b"), Is.True);
        time.Advance(TimeSpan.FromMilliseconds(500));
        diagnostics.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.That(reports.Select(r => r.Status.Length), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(reports[0].Status[0].Message, Is.EqualTo("two"));
        Assert.That(diagnostics.PublishNow(), Is.Null);
    }
}
