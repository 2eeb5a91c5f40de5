using System.Text.Json;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Registry;

/// <summary>
/// The embedded standard interface definitions (<c>src/Apprentice.Ros/Interfaces</c>) and the
/// test_msgs fixtures, checked by <c>tests/interop/check-msgs.mjs</c> against the Jazzy (and,
/// with the <c>humble/</c> variants, the Humble) definitions shipped in npm
/// <c>@foxglove/rosmsg-msgs-common</c> and against the schemas recorded in the real rosbag2 bags.
/// </summary>
public sealed class StandardDefinitionsMatchReferenceTests
{
    private const string Script = "check-msgs.mjs";

    /// <summary>The packages issue 2 asks the registry to embed.</summary>
    private static readonly string[] RequiredPackages =
    [
        "builtin_interfaces", "std_msgs", "geometry_msgs", "sensor_msgs", "trajectory_msgs",
        "diagnostic_msgs", "rosgraph_msgs", "rcl_interfaces", "lifecycle_msgs", "rmw_dds_common",
        "service_msgs",
    ];

    private JsonElement _report;

    [OneTimeSetUp]
    public void RunChecker()
    {
        _report = RunCheck(RepoPaths.Path("src", "Apprentice.Ros", "Interfaces"));
    }

    [Test]
    public void Every_definition_parses()
    {
        Assert.That(List("parseErrors"), Is.Empty);
    }

    [Test]
    public void No_field_differs_from_the_reference_or_the_recorded_bags()
    {
        var mismatches = List("mismatches");
        Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches));
        Assert.That(_report.GetProperty("checked").GetInt32(), Is.GreaterThanOrEqualTo(200));
    }

    [Test]
    public void Every_required_package_is_present_and_every_package_checked()
    {
        var packages = _report.GetProperty("packages");
        var onDisk = Directory.GetDirectories(RepoPaths.Path("src", "Apprentice.Ros", "Interfaces"))
            .Select(Path.GetFileName)
            .Where(name => name != "humble")
            .ToArray();
        var reported = packages.EnumerateObject().Select(p => p.Name).ToArray();

        Assert.That(reported, Is.EquivalentTo(onDisk));
        Assert.That(reported, Is.SupersetOf(RequiredPackages));
        foreach (var package in packages.EnumerateObject())
        {
            Assert.That(package.Value.GetProperty("types").GetInt32(), Is.Positive, package.Name);
        }
    }

    [Test]
    public void Every_package_the_reference_ships_was_compared_with_it()
    {
        var packages = _report.GetProperty("packages");
        // The npm reference (@foxglove/rosmsg-msgs-common) ships neither rmw_dds_common, service_msgs,
        // std_srvs (services only) nor rosbag2_interfaces; std_srvs bytes are checked in
        // StdSrvsWireTests, rosbag2_interfaces by hand against the Jazzy (0.26) API docs.
        var withoutReference = new[] { "rmw_dds_common", "service_msgs", "std_srvs", "rosbag2_interfaces" };
        foreach (var package in packages.EnumerateObject().Where(p => !withoutReference.Contains(p.Name)))
        {
            Assert.That(package.Value.GetProperty("comparedWithReference").GetInt32(), Is.Positive, package.Name);
        }
    }

    [Test]
    public void Every_reference_type_of_our_packages_is_defined()
    {
        Assert.That(List("missingFromOurs"), Is.Empty);
    }

    [Test]
    public void Every_nested_type_resolves_to_one_of_our_definitions()
    {
        Assert.That(List("unresolved"), Is.Empty);
    }

    [Test]
    public void Humble_variants_match_the_humble_reference_and_jazzy_only_types_say_so()
    {
        Assert.That(List("checkedTypes"), Is.SupersetOf(new[]
        {
            "\"sensor_msgs/Range (humble)\"", "\"sensor_msgs/NavSatStatus (humble)\"",
            "\"sensor_msgs/BatteryState (humble)\"", "\"std_msgs/Header (humble)\"",
        }));
        Assert.That(List("notInHumble"), Does.Contain("\"rcl_interfaces/LoggerLevel\""));
        Assert.That(List("humbleNoteMissing"), Is.Empty);
    }

    [Test]
    public void The_bags_schemas_were_compared_too()
    {
        Assert.That(_report.GetProperty("bagSchemasChecked").GetInt32(), Is.Positive);
        Assert.That(List("bagTypesChecked"), Is.SupersetOf(new[]
        {
            "\"test_msgs/Arrays\"", "\"test_msgs/Strings\"", "\"test_msgs/BasicTypes_Request\"",
            "\"rcl_interfaces/Log\"", "\"rcl_interfaces/ParameterEvent\"", "\"std_msgs/String\"",
        }));
    }

    [Test]
    public void A_changed_field_type_and_a_missing_type_are_reported()
    {
        var copy = Path.Combine(Path.GetTempPath(), "apprentice-msgs-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyTree(RepoPaths.Path("src", "Apprentice.Ros", "Interfaces"), copy);
            var point = Path.Combine(copy, "geometry_msgs", "msg", "Point.msg");
            File.WriteAllText(point, File.ReadAllText(point).Replace("float64 z", "float32 z", StringComparison.Ordinal));
            File.Delete(Path.Combine(copy, "std_msgs", "msg", "Header.msg"));

            var report = RunCheck(copy);

            var mismatches = report.GetProperty("mismatches").EnumerateArray().ToArray();
            Assert.That(mismatches.Any(m =>
                m.GetProperty("type").GetString() == "geometry_msgs/Point" &&
                m.GetProperty("field").GetString() == "z" &&
                m.GetProperty("key").GetString() == "type"), Is.True);
            Assert.That(report.GetProperty("missingFromOurs").EnumerateArray().Select(e => e.GetString()),
                Does.Contain("std_msgs/Header"));
            Assert.That(report.GetProperty("unresolved").EnumerateArray()
                .Select(e => e.GetProperty("references").GetString()), Does.Contain("std_msgs/Header"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static JsonElement RunCheck(string interfaces)
    {
        var output = NodeScript.Run(Script,
            "--interfaces", interfaces,
            "--fixtures", RepoPaths.Path("tests", "Apprentice.Ros.Tests", "Fixtures"),
            "--testdata", TestData.Root);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private string[] List(string property) =>
        _report.GetProperty(property).EnumerateArray().Select(e => e.GetRawText()).ToArray();

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
