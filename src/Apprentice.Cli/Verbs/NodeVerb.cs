using System.CommandLine;
using Apprentice.Dds.Transport;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice node list</c>: the ROS nodes announced on the graph.</summary>
internal static class NodeVerb
{
    public static Command Create()
    {
        var command = new Command("node", "Inspect ROS 2 nodes on ROS_DOMAIN_ID (like 'ros2 node').");
        var spin = new Option<double>("--spin-time") { Description = "Seconds to wait for discovery before answering.", DefaultValueFactory = _ => 1.5 };
        var all = new Option<bool>("--all", "-a") { Description = "Also list hidden nodes (names starting with '_')." };
        var list = new Command("list", "List the nodes on the graph.") { spin, all };
        list.SetAction(r =>
        {
            using var node = RosGraphSession.CreateNode();
            Thread.Sleep(TimeSpan.FromSeconds(r.GetValue(spin)));
            WriteList(node, r.GetValue(all), r.InvocationConfiguration.Output);
            return 0;
        });
        command.Subcommands.Add(list);
        return command;
    }

    /// <summary>Prints fully-qualified node names, sorted, without the asking node itself.</summary>
    internal static void WriteList(ITransport self, bool includeHidden, TextWriter output)
    {
        var names = self.DiscoveredNodes()
            .Where(n => !(n.Name == self.NodeName && n.Namespace == self.Namespace))
            .Where(n => includeHidden || !n.Name.StartsWith('_'))
            .Select(n => n.FullyQualifiedName)
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var n in names)
        {
            output.WriteLine(n);
        }
    }
}
