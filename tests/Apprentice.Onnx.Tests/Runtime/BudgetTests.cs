using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Tests.Support;
using Apprentice.Onnx.Writer;
using Serilog.Core;

namespace Apprentice.Onnx.Tests.Runtime;

/// <summary>An overrunning inference is cancelled through RunOptions and the session keeps working.</summary>
public sealed class BudgetTests
{
    private const int Width = 512;
    private const int Layers = 40;

    [Test]
    public void Run_over_budget_is_cancelled_and_the_session_still_works_afterwards()
    {
        using var dir = new TempDir();
        var path = dir.File("heavy.onnx");
        HeavyModel().Save(path);
        using var session = OnnxPolicySession.Load(
            new OnnxPolicyOptions { ModelPath = path, WarmupRuns = 1 }, Logger.None, TimeProvider.System);
        session.Input("x").Fill(0.5f);

        var cancelled = session.Run(TimeSpan.FromMilliseconds(1));
        var cancelledError = session.LastError;
        var afterwards = session.Run(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(cancelled, Is.EqualTo(OnnxRunStatus.BudgetExceeded));
            Assert.That(cancelledError, Is.Not.Null.And.Not.Empty);
            Assert.That(afterwards, Is.EqualTo(OnnxRunStatus.Ok));
            Assert.That(session.LastError, Is.Null);
            Assert.That(session.Output[0], Is.EqualTo(0.5f * Width).Within(1e-2));
        });
    }

    [Test]
    public void Output_with_nan_is_reported_as_invalid_output()
    {
        using var dir = new TempDir();
        using var session = ForwardPassTests.Load(new MlpModel(9).Save(dir.File("mlp.onnx")));
        session.Input("lidar")[3] = float.NaN;

        Assert.That(session.Run(TimeSpan.FromSeconds(10)), Is.EqualTo(OnnxRunStatus.InvalidOutput));

        session.Input("lidar")[3] = 1f;
        Assert.That(session.Run(TimeSpan.FromSeconds(10)), Is.EqualTo(OnnxRunStatus.Ok));
    }

    /// <summary>40 chained [512×512]·[512×512] products (about 5 GMAC), then a sum down to 7 columns.</summary>
    private static OnnxModelBuilder HeavyModel()
    {
        var identity = new float[Width * Width];
        for (var i = 0; i < Width; i++)
        {
            identity[(i * Width) + i] = 1f;
        }

        var m = new OnnxModelBuilder("heavy");
        var x = m.Input("x", Width, Width);
        var w = m.Initializer("w", identity, Width, Width);
        for (var i = 0; i < Layers; i++)
        {
            x = x.MatMul(w);
        }

        var ones = m.Initializer("ones", Enumerable.Repeat(1f, Width * 7).ToArray(), Width, 7);
        m.Output(x.MatMul(ones), "action", Width, 7);
        return m.WithPolicyCard(new PolicyCard
        {
            Inputs = [new PolicyInputSpec { Name = "x", Source = InputSourceKind.Other, TopicRole = "none", Shape = [Width, Width] }],
            Action = Some.Action(),
            ControlRateHz = 10,
        });
    }
}
