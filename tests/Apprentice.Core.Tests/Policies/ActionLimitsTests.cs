using Apprentice.Core.Policies;

namespace Apprentice.Core.Tests.Policies;

public sealed class ActionLimitsTests
{
    private static readonly ActionLimits Limits = new([-1f, 0f], [1f, 2f]);

    [TestCase(new[] { 0f, 1f, 1f, 2f }, PolicyOutcome.Ok)]
    [TestCase(new[] { 0f, 1f, 1.01f, 2f }, PolicyOutcome.InvalidOutput)]
    [TestCase(new[] { 0f, -0.1f }, PolicyOutcome.InvalidOutput)]
    [TestCase(new[] { float.NaN, 1f }, PolicyOutcome.InvalidOutput)]
    [TestCase(new[] { 0f, float.PositiveInfinity }, PolicyOutcome.InvalidOutput)]
    [TestCase(new[] { 0f, 1f, 0f }, PolicyOutcome.InvalidOutput)]
    public void Values_are_checked_per_dimension_across_chunk_steps(float[] chunk, PolicyOutcome expected)
    {
        Assert.That(Limits.Check(chunk), Is.EqualTo(expected));
    }

    [Test]
    public void Unbounded_limits_still_reject_non_finite_values()
    {
        var limits = ActionLimits.Unbounded(1);
        Assert.That(limits.Check([1e30f]), Is.EqualTo(PolicyOutcome.Ok));
        Assert.That(limits.Check([float.NegativeInfinity]), Is.EqualTo(PolicyOutcome.InvalidOutput));
    }

    [Test]
    public void Inverted_limits_are_a_configuration_error_naming_the_index()
    {
        var ex = Assert.Throws<ConfigurationException>(() => _ = new ActionLimits([0f, 1f], [1f, 0f]));
        Assert.That(ex!.Field, Is.EqualTo("policy.action_limits[1]"));
    }
}
