using Apprentice.Dds.Parameters;
using Apprentice.Ros.Msgs.RclInterfaces;

namespace Apprentice.Dds.Tests.Parameters;

public sealed class ParameterStoreTests
{
    [Test]
    public void SetKeepsTheDeclaredTypeAndReportsRclcppReasons()
    {
        var store = new ParameterStore();
        store.Declare(new ParameterDeclaration("gain", ParameterValues.Of(1.5)));
        var results = store.Set([P("gain", ParameterValues.Of(2L)), P("gain", ParameterValues.Of(2.5)), P("nope", ParameterValues.Of(true))]);
        Assert.That(results.Select(r => r.Successful), Is.EqualTo(new[] { false, true, false }));
        Assert.That(results[0].Reason, Is.EqualTo("Wrong parameter type, parameter {gain} is of type {double}, setting it to {integer} is not allowed."));
        Assert.That(results[2].Reason, Does.Contain("'nope' is not declared"));
        Assert.That(store.Get("gain")!.DoubleValue, Is.EqualTo(2.5));
    }

    [Test]
    public void ReadOnlyParametersRefuseChangesButTakeAnInitialOverride()
    {
        var store = new ParameterStore();
        store.Declare(new ParameterDeclaration("robot", ParameterValues.Of("ur5")) { ReadOnly = true }, ParameterValues.Of("ur10"));
        var r = store.Set([P("robot", ParameterValues.Of("franka"))]);
        Assert.That(r[0].Successful, Is.False);
        Assert.That(r[0].Reason, Is.EqualTo("Trying to set a read-only parameter: robot."));
        Assert.That(store.Get("robot")!.StringValue, Is.EqualTo("ur10"));
    }

    [TestCase(0L, true)]
    [TestCase(10L, true)]
    [TestCase(4L, true)]
    [TestCase(5L, false)]
    [TestCase(12L, false)]
    [TestCase(-2L, false)]
    public void IntegerRangesCheckBoundsAndStep(long value, bool ok)
    {
        var store = new ParameterStore();
        store.Declare(new ParameterDeclaration("n", ParameterValues.Of(2L)) { IntegerRange = new IntegerRange { FromValue = 0, ToValue = 10, Step = 2 } });
        Assert.That(store.Set([P("n", ParameterValues.Of(value))])[0].Successful, Is.EqualTo(ok));
    }

    [TestCase(0.0, true)]
    [TestCase(0.3, true)]
    [TestCase(1.0, true)]
    [TestCase(0.25, false)]
    [TestCase(1.1, false)]
    [TestCase(double.NaN, false)]
    public void FloatingPointRangesCheckBoundsAndStepWithTolerance(double value, bool ok)
    {
        var store = new ParameterStore();
        store.Declare(new ParameterDeclaration("x", ParameterValues.Of(0.5)) { FloatingPointRange = new FloatingPointRange { FromValue = 0, ToValue = 1, Step = 0.1 } });
        Assert.That(store.Set([P("x", ParameterValues.Of(value))])[0].Successful, Is.EqualTo(ok));
    }

    [Test]
    public void AtomicSetChangesNothingWhenOneParameterFails()
    {
        var store = new ParameterStore();
        store.Declare(new ParameterDeclaration("a", ParameterValues.Of(1L)));
        store.Declare(new ParameterDeclaration("b", ParameterValues.Of(1L)) { ReadOnly = true });
        var changes = 0;
        store.Changed += (_, _) => changes++;
        Assert.That(store.SetAll([P("a", ParameterValues.Of(5L)), P("b", ParameterValues.Of(5L))]).Successful, Is.False);
        Assert.That(store.Get("a")!.IntegerValue, Is.EqualTo(1));
        Assert.That(changes, Is.Zero);
    }

    [Test]
    public void ListFollowsPrefixesAndDepthLikeRclcpp()
    {
        var store = new ParameterStore();
        foreach (var n in new[] { "a", "limits.vel", "limits.acc", "limits.joint.max", "other.x" })
        {
            store.Declare(new ParameterDeclaration(n, ParameterValues.Of(1L)));
        }

        var all = store.List([], ListParametersRequest.DEPTH_RECURSIVE);
        Assert.That(all.Names, Is.EqualTo(new[] { "a", "limits.acc", "limits.joint.max", "limits.vel", "other.x" }));
        Assert.That(all.Prefixes, Is.EqualTo(new[] { "limits", "limits.joint", "other" }));
        Assert.That(store.List([], 1).Names, Is.EqualTo(new[] { "a" }));
        // rclcpp counts separators in the name after the prefix, the leading '.' included.
        Assert.That(store.List(["limits"], 1).Names, Is.Empty);
        Assert.That(store.List(["limits"], 2).Names, Is.EqualTo(new[] { "limits.acc", "limits.vel" }));
        Assert.That(store.List(["limits"], 0).Names, Is.EqualTo(new[] { "limits.acc", "limits.joint.max", "limits.vel" }));
    }

    [Test]
    public void UndeclaredNamesMakeBulkReadsEmptyAndDeclarationErrorsAreClear()
    {
        var store = new ParameterStore();
        store.Declare(new ParameterDeclaration("a", ParameterValues.Of(true)));
        Assert.That(store.GetMany(["a", "zzz"]), Is.Null);
        Assert.That(store.Types(["a"]), Is.EqualTo(new[] { ParameterType.PARAMETER_BOOL }));
        Assert.That(() => store.Declare(new ParameterDeclaration("a", ParameterValues.Of(true))), Throws.ArgumentException.With.Message.Contains("already declared"));
        Assert.That(
            () => store.Declare(new ParameterDeclaration("r", ParameterValues.Of(50L)) { IntegerRange = new IntegerRange { FromValue = 0, ToValue = 10 } }),
            Throws.ArgumentException.With.Message.Contains("integer range"));
    }

    [Test]
    public void StoredValuesDoNotAliasTheCallersArrays()
    {
        var store = new ParameterStore();
        var joints = new[] { "a", "b" };
        store.Declare(new ParameterDeclaration("joints", ParameterValues.Of(joints)));
        joints[0] = "changed";
        Assert.That(store.Get("joints")!.StringArrayValue, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void RosArgumentOverridesReplaceDefaultsAndMustKeepTheType()
    {
        var args = Apprentice.Ros.Args.RosArgumentParser.Parse(["--ros-args", "-p", "gain:=2.5", "-p", "name:=7"]);
        var store = new ParameterStore(args.ParametersFor("arm", "/arm"));
        store.Declare(new ParameterDeclaration("gain", ParameterValues.Of(1.0)));
        Assert.That(store.Get("gain")!.DoubleValue, Is.EqualTo(2.5));
        Assert.That(() => store.Declare(new ParameterDeclaration("name", ParameterValues.Of("x"))), Throws.ArgumentException.With.Message.Contains("is of type {string}"));
    }

    private static Parameter P(string name, ParameterValue value) => new() { Name = name, Value = value };
}
