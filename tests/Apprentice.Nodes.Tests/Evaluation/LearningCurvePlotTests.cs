using Apprentice.Nodes.Evaluation;

namespace Apprentice.Nodes.Tests.Evaluation;

public sealed class LearningCurvePlotTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDirectory() => _dir = Directory.CreateTempSubdirectory("apprentice-curve-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Reads_the_labels_and_success_columns_by_name()
    {
        var csv = Path.Combine(_dir, "bc.csv");
        File.WriteAllText(csv, "demos,labels,success\n25,789,0.14\n1000,28668,0.96\n");
        Assert.That(LearningCurvePlot.ReadCsv(csv), Is.EqualTo(new[] { new CurvePoint(789, 0.14), new CurvePoint(28668, 0.96) }));
    }

    [Test]
    public void A_missing_column_or_a_bad_number_names_the_file_and_line()
    {
        var noColumn = Path.Combine(_dir, "a.csv");
        File.WriteAllText(noColumn, "round,total\n1,2\n");
        Assert.That(() => LearningCurvePlot.ReadCsv(noColumn), Throws.TypeOf<FormatException>().With.Message.Contains("a.csv").And.Message.Contains("'labels'"));
        var badNumber = Path.Combine(_dir, "b.csv");
        File.WriteAllText(badNumber, "labels,success\n10,0.5\nten,0.6\n");
        Assert.That(() => LearningCurvePlot.ReadCsv(badNumber), Throws.TypeOf<FormatException>().With.Message.Contains("b.csv:3"));
    }

    [Test]
    public void Writes_a_png_with_every_series()
    {
        var path = LearningCurvePlot.Write(
            [("BC", [new(800, 0.14), new(28668, 0.96)]), ("DAgger", [new(11462, 0.84), new(15945, 1.0)])],
            Path.Combine(_dir, "curve.png"));
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Length, Is.GreaterThan(5000));
        Assert.That(bytes[1..4], Is.EqualTo("PNG"u8.ToArray()));
    }
}
