using System.CommandLine;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;

namespace Apprentice.Cli.Verbs;

/// <summary><c>apprentice interface list|show</c>: the ROS 2 interface definitions Apprentice knows, like <c>ros2 interface</c>.</summary>
internal static class InterfaceVerb
{
    public static Command Create()
    {
        var msgDir = new Option<string>("--msg-dir")
        {
            Description = "Folder of the project's own .msg files (package 'apprentice').",
            DefaultValueFactory = _ => "msg",
        };
        var command = new Command("interface", "List and show ROS 2 message and service definitions (embedded, project msg/, and $AMENT_PREFIX_PATH).");
        command.Options.Add(msgDir);
        command.Subcommands.Add(CreateList(msgDir));
        command.Subcommands.Add(CreateShow(msgDir));
        return command;
    }

    private static Command CreateList(Option<string> msgDir)
    {
        var list = new Command("list", "List every known message and service type.");
        list.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var registry = Load(parseResult.GetValue(msgDir));
            output.WriteLine("Messages:");
            foreach (var name in registry.MessageNames)
            {
                output.WriteLine("    " + name);
            }

            output.WriteLine("Services:");
            foreach (var name in registry.ServiceNames)
            {
                output.WriteLine("    " + name);
            }

            return 0;
        });
        return list;
    }

    private static Command CreateShow(Option<string> msgDir)
    {
        var type = new Argument<string>("type") { Description = "Interface type, e.g. sensor_msgs/msg/JointState or example_interfaces/srv/AddTwoInts." };
        var show = new Command("show", "Print a definition with its nested types expanded (indented by a tab per level).");
        show.Arguments.Add(type);
        show.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var name = parseResult.GetValue(type)!;
            try
            {
                var registry = Load(parseResult.GetValue(msgDir));
                if (name.Contains("/srv/", StringComparison.Ordinal) && registry.TryGetService(name, out var service))
                {
                    Print(registry, service.Request, output, 0);
                    output.WriteLine("---");
                    Print(registry, service.Response, output, 0);
                    return 0;
                }

                Print(registry, registry.GetMessage(name), output, 0);
                return 0;
            }
            catch (Exception e) when (e is InterfaceNotFoundException or IdlParseException or ArgumentException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return show;
    }

    internal static InterfaceRegistry Load(string? msgDir) =>
        InterfaceRegistry.CreateDefault(Environment.GetEnvironmentVariable("AMENT_PREFIX_PATH"), msgDir);

    private static void Print(InterfaceRegistry registry, MessageDefinition definition, TextWriter output, int depth)
    {
        var indent = new string('\t', depth);
        foreach (var line in definition.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            output.WriteLine(indent + line);
            if (NestedTypeOf(line, definition.Package) is { } nested && depth < 16)
            {
                Print(registry, registry.GetMessage(nested), output, depth + 1);
            }
        }
    }

    private static string? NestedTypeOf(string line, string package)
    {
        try
        {
            var parsed = MsgParser.ParseMessage(line, package, "Line");
            return parsed.Fields.Count == 1 ? parsed.Fields[0].Type.MessageType : null;
        }
        catch (IdlParseException)
        {
            return null;
        }
    }
}
