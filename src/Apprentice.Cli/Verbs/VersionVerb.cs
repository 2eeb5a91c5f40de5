using System.CommandLine;
using System.Reflection;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice version</c>: the build's version and runtime.</summary>
internal static class VersionVerb
{
    public static Command Create()
    {
        var command = new Command("version", "Print the Apprentice version and the .NET runtime it runs on.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionVerb).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"apprentice {version} (.NET {Environment.Version})");
            return 0;
        });
        return command;
    }
}
