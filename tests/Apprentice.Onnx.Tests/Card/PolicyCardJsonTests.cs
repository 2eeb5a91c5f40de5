using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Tests.Support;

namespace Apprentice.Onnx.Tests.Card;

/// <summary>The card's JSON form: round trip, names, and parse errors that name the field.</summary>
public sealed class PolicyCardJsonTests
{
    [Test]
    public void Card_survives_a_json_round_trip()
    {
        var card = Some.MlpCard();
        var json = PolicyCardJson.Serialize(card);
        var back = PolicyCardJson.Deserialize(json, "test");

        Assert.Multiple(() =>
        {
            Assert.That(PolicyCardJson.Serialize(back), Is.EqualTo(json));
            Assert.That(back.Version, Is.EqualTo(PolicyCard.CurrentVersion));
            Assert.That(back.Name, Is.EqualTo("mlp-test"));
            Assert.That(back.ControlRateHz, Is.EqualTo(500));
            Assert.That(back.ChunkLength, Is.EqualTo(1));
            Assert.That(back.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "joints", "lidar" }));
            Assert.That(back.Inputs[1].Source, Is.EqualTo(InputSourceKind.LidarBins));
            Assert.That(back.Inputs[1].Shape, Is.EqualTo(new[] { 1, 64 }));
            Assert.That(back.Inputs[1].Mean, Is.EqualTo(card.Inputs[1].Mean));
            Assert.That(back.Inputs[0].JointNames, Is.EqualTo(Some.ArmJoints));
            Assert.That(back.Action.Mode, Is.EqualTo(ActionMode.Position));
            Assert.That(back.Action.JointNames, Is.EqualTo(Some.ArmJoints));
            Assert.That(back.TrainingStatistics.Single().Count, Is.EqualTo(1200));
            Assert.That(back.TrainingStatistics.Single().Std, Is.EqualTo(card.TrainingStatistics[0].Std));
        });
    }

    [Test]
    public void Json_uses_snake_case_names_and_enum_values()
    {
        var json = PolicyCardJson.Serialize(Some.MlpCard());
        Assert.That(json, Does.Contain("\"control_rate_hz\":500")
            .And.Contain("\"source\":\"lidar_bins\"")
            .And.Contain("\"topic_role\":\"scan\"")
            .And.Contain("\"mode\":\"position\"")
            .And.Contain("\"training_statistics\""));
    }

    [TestCase("{\"version\":1,", "$", TestName = "Malformed JSON names the root")]
    [TestCase("[1,2]", "$", TestName = "A JSON array is not a card")]
    [TestCase("{\"chunk_length\":1}", "version", TestName = "Missing version")]
    [TestCase("{\"version\":3}", "version", TestName = "Unsupported version")]
    public void Unreadable_card_is_a_card_error_naming_the_field(string json, string field)
    {
        var ex = Assert.Throws<PolicyCardException>(() => PolicyCardJson.Deserialize(json, "model.onnx"));
        Assert.That(ex!.Errors.Single().Field, Is.EqualTo(field));
        Assert.That(ex.Message, Does.Contain("model.onnx"));
    }

    [Test]
    public void Unknown_field_is_rejected_so_typos_are_not_ignored()
    {
        var json = PolicyCardJson.Serialize(Some.MlpCard()).Replace("\"chunk_length\"", "\"chunk_lenght\"", StringComparison.Ordinal);
        var ex = Assert.Throws<PolicyCardException>(() => PolicyCardJson.Deserialize(json, "m"));
        Assert.That(ex!.Message, Does.Contain("chunk_lenght"));
    }

    [Test]
    public void Missing_required_field_is_rejected()
    {
        var json = PolicyCardJson.Serialize(Some.MlpCard()).Replace("\"units\":\"rad\"", "\"units\":null", StringComparison.Ordinal);
        var ex = Assert.Throws<PolicyCardException>(() => PolicyCardJson.Deserialize(json, "m"));
        Assert.That(ex!.Errors.Single().Field, Does.StartWith("action"));
    }

    [Test]
    public void Unknown_enum_value_is_rejected_with_its_path()
    {
        var json = PolicyCardJson.Serialize(Some.MlpCard()).Replace("\"lidar_bins\"", "\"radar\"", StringComparison.Ordinal);
        var ex = Assert.Throws<PolicyCardException>(() => PolicyCardJson.Deserialize(json, "m"));
        Assert.That(ex!.Errors.Single().Field, Is.EqualTo("inputs[1].source"));
    }

    [Test]
    public void Example_card_in_the_format_notes_is_valid_for_the_mlp()
    {
        var notes = File.ReadAllText(Apprentice.Testing.RepoPaths.Path("src", "Apprentice.Core", "Policies", "Card", "README.md"));
        var start = notes.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = notes[start..notes.IndexOf("```", start, StringComparison.Ordinal)];

        var card = PolicyCardJson.Deserialize(json, "README.md");
        Assert.That(PolicyCardValidator.Check(card, Some.MlpSignature(), Some.ArmJoints), Is.Empty);
    }
}
