using System.Text.RegularExpressions;
using System.Xml.Linq;
using Apprentice.Ros.Args;
using Apprentice.Testing;

namespace Apprentice.Cli.Tests.Packaging;

/// <summary>
/// Every <c>launch/*.xml</c> (ROS 2 XML launch format): it parses; each <c>&lt;node&gt;</c> runs an
/// executable the CMake install produces; each <c>&lt;param from=…&gt;</c> is a file in <c>config/</c>;
/// each <c>&lt;param name=…&gt;</c> is a parameter of that node in its parameter file(s).
/// </summary>
[TestFixture]
public sealed partial class LaunchFilesTests
{
    private static IEnumerable<string> LaunchFiles() => Directory.GetFiles(RepoPaths.Path("launch"), "*.xml").Order(StringComparer.Ordinal);

    [Test]
    public void TheRecorderAndPlayerLaunchFilesExist() =>
        Assert.That(LaunchFiles().Select(Path.GetFileName), Is.SupersetOf(new[] { "record.launch.xml", "replay.launch.xml" }));

    [TestCaseSource(nameof(LaunchFiles))]
    public void LaunchFileReferencesOnlyWhatExists(string file)
    {
        var root = XDocument.Load(file).Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("launch"));
        var args = root.Elements("arg").ToDictionary(a => (string)a.Attribute("name")!, a => (string?)a.Attribute("default"));
        var nodes = root.Descendants("node").ToList();
        Assert.That(nodes, Is.Not.Empty, "no <node>");
        foreach (var node in nodes)
        {
            var exec = (string?)node.Attribute("exec");
            Assert.That((string?)node.Attribute("pkg"), Is.EqualTo("apprentice"));
            Assert.That(InstallLayout.Executables, Does.Contain(exec), $"exec '{exec}' is not installed by CMakeLists.txt");

            var name = (string?)node.Attribute("name") ?? exec!;
            var files = node.Elements("param").Select(p => (string?)p.Attribute("from")).OfType<string>().Select(f => Resolve(f, args)).ToList();
            Assert.That(files, Is.Not.Empty, $"node '{name}' loads no parameter file");
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in files)
            {
                Assert.That(Path.GetDirectoryName(path), Is.EqualTo(RepoPaths.Path("config")), $"{path}: parameter files live in config/");
                Assert.That(File.Exists(path), Is.True, $"{path} does not exist");
                known.UnionWith(ParamsFile.Load(path).For("/" + name).Keys);
            }

            foreach (var p in node.Elements("param").Select(p => (string?)p.Attribute("name")).OfType<string>())
            {
                Assert.That(known, Does.Contain(p), $"node '{name}': <param name=\"{p}\"> is not in {string.Join(", ", files.Select(Path.GetFileName))}");
            }
        }
    }

    // $(var x) → the arg's default; $(find-pkg-share apprentice) → the source tree (share/apprentice mirrors it).
    private static string Resolve(string text, IReadOnlyDictionary<string, string?> args)
    {
        for (var i = 0; i < 5 && text.Contains("$(", StringComparison.Ordinal); i++)
        {
            text = Substitution().Replace(text, m => m.Groups[1].Value switch
            {
                "var" => args.TryGetValue(m.Groups[2].Value, out var v) && v is not null ? v : throw new AssertionException($"arg '{m.Groups[2].Value}' has no default"),
                "find-pkg-share" when m.Groups[2].Value == "apprentice" => RepoPaths.Path().TrimEnd('/'),
                _ => throw new AssertionException($"unsupported substitution {m.Value}"),
            });
        }

        return Path.GetFullPath(text);
    }

    [GeneratedRegex(@"\$\(([a-z-]+) ([A-Za-z0-9_]+)\)")]
    private static partial Regex Substitution();
}
