using Apprentice.Safety.Limits;
using Apprentice.Safety.Tests.Support;
using CsCheck;

namespace Apprentice.Safety.Tests.Limits;

public sealed class JointLimitsTests
{
    private static readonly Gen<double> AnyValue = Gen.OneOf(Gen.Double[-100, 100], Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Const(double.NegativeInfinity));

    [Test]
    public void A_runtime_override_never_loosens_any_limit()
    {
        Gen.Select(Gen.Int, AnyValue.Array[11]).Sample((seed, r) =>
        {
            var current = new Cases(seed).Limits(1)[0];
            var requested = new JointLimits(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) { SoftLowerLimit = r[7], SoftUpperLimit = r[8], KPosition = r[9], KVelocity = r[10] };
            var result = current.Tighten(requested);
            Assert.That(result.IsAtLeastAsStrictAs(current), Is.True);
            Assert.That(result.MaxVelocity, Is.GreaterThanOrEqualTo(0));
            Assert.That(result.MaxDeceleration, Is.GreaterThanOrEqualTo(0));
        }, iter: 5000);
    }

    [Test]
    public void A_tightening_override_is_applied()
    {
        var current = Robots.PandaLimits.Limits[0];
        var result = current.Tighten(JointLimits.Unlimited with { MaxVelocity = 1, MaxPosition = 1 });
        Assert.That(result.MaxVelocity, Is.EqualTo(1));
        Assert.That(result.MaxPosition, Is.EqualTo(1));
        Assert.That(result.MinPosition, Is.EqualTo(current.MinPosition));
        Assert.That(result.MaxJerk, Is.EqualTo(current.MaxJerk));
    }
}
