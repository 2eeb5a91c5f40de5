using System.Collections.Concurrent;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Registry;

/// <summary>
/// The interface definitions Apprentice knows: the embedded standard packages, the project's own
/// <c>msg/</c>, and, where ROS 2 is installed, <c>$AMENT_PREFIX_PATH/share/&lt;pkg&gt;/msg|srv</c>.
/// Sources are registered up front and parsed on first use. When a type is registered twice the
/// later registration wins. Registration is not thread-safe; lookups are.
/// </summary>
public sealed class InterfaceRegistry : IMessageDefinitionProvider, IServiceDefinitionProvider
{
    private readonly Dictionary<string, InterfaceSource> sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// A registry with the embedded standard definitions, then those found through
    /// <paramref name="amentPrefixPath"/> (first prefix wins, as in ROS), then <paramref name="projectMsgFolder"/>
    /// (package <paramref name="projectPackage"/>).
    /// </summary>
    /// <param name="amentPrefixPath">The value of <c>AMENT_PREFIX_PATH</c> (':'-separated), or null.</param>
    /// <param name="projectMsgFolder">A folder of the project's <c>.msg</c> files, or null.</param>
    /// <param name="projectPackage">The package name of those files.</param>
    public static InterfaceRegistry CreateDefault(string? amentPrefixPath = null, string? projectMsgFolder = null, string projectPackage = "apprentice")
    {
        var registry = new InterfaceRegistry();
        registry.AddEmbedded();
        registry.AddAmentPrefixPath(amentPrefixPath);
        if (projectMsgFolder is not null && Directory.Exists(projectMsgFolder))
        {
            registry.AddFolder(projectMsgFolder, projectPackage);
        }

        return registry;
    }

    /// <summary>Full names of all registered messages (<c>pkg/msg/Name</c>), sorted.</summary>
    public IReadOnlyList<string> MessageNames => Names(".msg");

    /// <summary>Full names of all registered services (<c>pkg/srv/Name</c>), sorted.</summary>
    public IReadOnlyList<string> ServiceNames => Names(".srv");

    /// <summary>Adds the standard definitions embedded in this assembly.</summary>
    public void AddEmbedded()
    {
        var assembly = typeof(InterfaceRegistry).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var logical = resource.Replace('\\', '/');
            var parts = logical.Split('/');
            if (parts.Length != 4 || parts[0] != "interfaces")
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            Add(parts[1], parts[2], parts[3], reader.ReadToEnd(), "embedded:" + logical);
        }
    }

    /// <summary>
    /// Adds the <c>.msg</c> and <c>.srv</c> files of one package folder: the files directly in
    /// <paramref name="folder"/> and in its <c>msg/</c> and <c>srv/</c> subfolders.
    /// </summary>
    public void AddFolder(string folder, string package)
    {
        foreach (var dir in new[] { folder, Path.Combine(folder, "msg"), Path.Combine(folder, "srv") })
        {
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir).OrderBy(f => f, StringComparer.Ordinal))
            {
                var ext = Path.GetExtension(file);
                if (ext == ".msg" || ext == ".srv")
                {
                    Add(package, ext == ".msg" ? "msg" : "srv", Path.GetFileName(file), File.ReadAllText(file), file);
                }
            }
        }
    }

    /// <summary>
    /// Adds every <c>&lt;prefix&gt;/share/&lt;pkg&gt;/msg|srv</c> for the ':'-separated prefixes, the
    /// first prefix taking precedence as in ROS. Missing folders are skipped.
    /// </summary>
    public void AddAmentPrefixPath(string? amentPrefixPath)
    {
        if (string.IsNullOrWhiteSpace(amentPrefixPath))
        {
            return;
        }

        var prefixes = amentPrefixPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        for (var i = prefixes.Length - 1; i >= 0; i--)
        {
            var share = Path.Combine(prefixes[i], "share");
            if (!Directory.Exists(share))
            {
                continue;
            }

            foreach (var packageDir in Directory.EnumerateDirectories(share).OrderBy(d => d, StringComparer.Ordinal))
            {
                var package = Path.GetFileName(packageDir);
                if (InterfaceName.IsValidPackageName(package))
                {
                    AddFolder(Path.Combine(packageDir, "msg"), package);
                    AddFolder(Path.Combine(packageDir, "srv"), package);
                }
            }
        }
    }

    /// <summary>Adds one definition from text.</summary>
    /// <param name="package">Package name.</param>
    /// <param name="kind"><c>msg</c> or <c>srv</c>.</param>
    /// <param name="fileName">File name with extension (<c>Header.msg</c>).</param>
    /// <param name="text">File content.</param>
    /// <param name="origin">Where it came from (shown in errors).</param>
    public void Add(string package, string kind, string fileName, string text, string origin)
    {
        var ext = Path.GetExtension(fileName);
        var expected = kind == "srv" ? ".srv" : ".msg";
        if (ext != expected)
        {
            return;
        }

        var name = Path.GetFileNameWithoutExtension(fileName);
        var key = package + "/" + kind + "/" + name;
        sources[key] = new InterfaceSource(package, kind, name, text, origin);
        parsed.TryRemove(key, out _);
    }

    /// <inheritdoc/>
    /// <exception cref="IdlParseException">The registered text of that type is invalid.</exception>
    public bool TryGetMessage(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MessageDefinition? definition)
    {
        definition = null;
        if (!InterfaceName.TrySplit(name ?? string.Empty, out var package, out var kind, out var typeName) &&
            !TrySplitServicePart(name, out package, out kind, out typeName))
        {
            return false;
        }

        if (kind == "msg")
        {
            definition = Parsed(package + "/msg/" + typeName) as MessageDefinition;
            return definition is not null;
        }

        if (kind != "srv")
        {
            return false;
        }

        foreach (var suffix in new[] { "_Request", "_Response", "_Event" })
        {
            if (typeName.EndsWith(suffix, StringComparison.Ordinal) &&
                TryGetService(package + "/srv/" + typeName.Substring(0, typeName.Length - suffix.Length), out var service))
            {
                definition = suffix switch
                {
                    "_Request" => service.Request,
                    "_Response" => service.Response,
                    _ => service.CreateEventMessage(),
                };
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds a service by <c>pkg/srv/Name</c>.</summary>
    public bool TryGetService(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ServiceDefinition? definition)
    {
        definition = Parsed(name) as ServiceDefinition;
        return definition is not null;
    }

    /// <summary>Finds a service or throws <see cref="InterfaceNotFoundException"/>.</summary>
    public ServiceDefinition GetService(string name) =>
        TryGetService(name, out var service)
            ? service
            : throw new InterfaceNotFoundException(name, null, "Services are named pkg/srv/Name.");

    /// <summary>Where a registered type came from (file path or <c>embedded:</c> resource), or null.</summary>
    public string? OriginOf(string fullName) => sources.TryGetValue(fullName, out var s) ? s.Origin : null;

    private static bool TrySplitServicePart(string? name, out string package, out string kind, out string typeName)
    {
        package = kind = typeName = string.Empty;
        var parts = (name ?? string.Empty).Split('/');
        if (parts.Length != 3 || parts[1] != "srv" || !InterfaceName.IsValidPackageName(parts[0]))
        {
            return false;
        }

        (package, kind, typeName) = (parts[0], parts[1], parts[2]);
        return true;
    }

    private object? Parsed(string key)
    {
        if (parsed.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!sources.TryGetValue(key, out var source))
        {
            return null;
        }

        object result = source.Kind == "srv"
            ? MsgParser.ParseService(source.Text, source.Package, source.Name, source.Origin)
            : MsgParser.ParseMessage(source.Text, source.Package, source.Name, source.Origin);
        return parsed.GetOrAdd(key, result);
    }

    private List<string> Names(string ext)
    {
        var kind = ext == ".srv" ? "srv" : "msg";
        var list = sources.Values.Where(s => s.Kind == kind).Select(s => s.Package + "/" + kind + "/" + s.Name).ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private sealed record InterfaceSource(string Package, string Kind, string Name, string Text, string Origin);
}
