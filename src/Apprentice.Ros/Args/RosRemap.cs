using Apprentice.Ros.Names;

namespace Apprentice.Ros.Args;

/// <summary>One <c>-r [node:]from:=to</c> rule.</summary>
/// <param name="Node">When set, the rule applies only to the node with this (original) name.</param>
/// <param name="From">Name to match, as written (<c>__node</c>, <c>__ns</c>, or a topic/service name).</param>
/// <param name="To">Replacement, as written.</param>
public sealed record RosRemap(string? Node, string From, string To)
{
    /// <summary>Parses <c>[node:]from:=to</c>.</summary>
    /// <exception cref="RosArgumentException">No <c>:=</c>, an empty side, or invalid names.</exception>
    public static RosRemap Parse(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var sep = rule.IndexOf(":=", StringComparison.Ordinal);
        if (sep <= 0 || sep + 2 >= rule.Length)
        {
            throw new RosArgumentException($"Remap rule '{rule}' must look like 'from:=to' (optionally 'node:from:=to').");
        }

        var left = rule[..sep];
        var to = rule[(sep + 2)..];
        string? node = null;
        var colon = left.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            node = left[..colon];
            left = left[(colon + 1)..];
            Check(() => RosNames.ValidateNodeName(node), rule);
        }

        switch (left)
        {
            case "__node" or "__name":
                Check(() => RosNames.ValidateNodeName(to), rule);
                return new RosRemap(node, "__node", to);
            case "__ns":
                Check(() => RosNames.ValidateNamespace(to), rule);
                return new RosRemap(node, "__ns", to);
            default:
                Check(() => RosNames.ValidateTopicName(left), rule);
                Check(() => RosNames.ValidateTopicName(to), rule);
                return new RosRemap(node, left, to);
        }
    }

    private static void Check(Action validate, string rule)
    {
        try
        {
            validate();
        }
        catch (InvalidRosNameException e)
        {
            throw new RosArgumentException($"Remap rule '{rule}': {e.Message}", e);
        }
    }
}
