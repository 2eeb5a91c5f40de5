using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Tests.Support;
using CsCheck;

namespace Apprentice.Onnx.Tests.Card;

/// <summary>Damaged card JSON yields a card or a <see cref="PolicyCardException"/>, never another exception.</summary>
public sealed class PolicyCardFuzzTests
{
    private static readonly string Valid = PolicyCardJson.Serialize(Some.CnnCard() with
    {
        TrainingStatistics = Some.MlpCard().TrainingStatistics,
        Inputs = [.. Some.CnnCard().Inputs, Some.Lidar()],
    });

    private static readonly string[] Fragments =
    [
        "null", "[null]", "-1", "0", "1e400", "\"\"", "{}", "[]", "\"x\"", "true", ",", ":", "{", "}", "[", "]", "\"version\":1",
        "2147483648", "NaN", "\"radar\"", "[1,2147483647,2147483647]",
    ];

    [Test]
    public void Mutated_card_json_never_escapes_as_another_exception()
    {
        var mutation =
            from start in Gen.Int[0, Valid.Length]
            from length in Gen.Int[0, 12]
            from fragment in Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i])
            select Valid[..start] + fragment + Valid[Math.Min(Valid.Length, start + length)..];

        mutation.Sample(json =>
        {
            try
            {
                var card = PolicyCardJson.Deserialize(json, "fuzz");
                _ = PolicyCardValidator.Check(card, Some.MlpSignature(), Some.ArmJoints);
            }
            catch (PolicyCardException ex)
            {
                Assert.That(ex.Errors, Is.Not.Empty, json);
            }
        }, iter: 3000);
    }

    [Test]
    public void Null_list_entries_are_card_errors()
    {
        var json = Valid.Replace("\"joint_names\":[\"j1\"", "\"joint_names\":[null", StringComparison.Ordinal);
        var ex = Assert.Throws<PolicyCardException>(() => PolicyCardJson.Deserialize(json, "m"));
        Assert.That(ex!.Errors.Select(e => e.Field), Has.Some.EqualTo("inputs[1].joint_names[0]"));
    }

    [Test]
    public void Enormous_input_shape_is_rejected_before_any_allocation()
    {
        var card = Some.MlpCard() with { Inputs = [Some.Joints(), Some.Lidar() with { Shape = [1, 1 << 20, 1 << 10], Mean = [], Std = [] }] };
        Assert.That(PolicyCardValidator.Check(card).Select(e => e.Field), Has.Some.EqualTo("inputs[1].shape"));
    }
}
