using System.Globalization;
using Apprentice.Ros.Args;
using Apprentice.Ros.Names;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

/// <summary>Options of one <see cref="DdsNode"/>. Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record DdsNodeOptions
{
    /// <summary>Node name as written in code; <c>__node</c> remapping replaces it.</summary>
    public required string NodeName { get; init; }

    /// <summary>Namespace (<c>/</c> or <c>/a/b</c>); <c>__ns</c> remapping replaces it. Default <c>/</c>.</summary>
    public string Namespace { get; init; } = "/";

    /// <summary>DDS domain (<c>ROS_DOMAIN_ID</c>), 0..232. Default 0.</summary>
    public uint DomainId { get; init; }

    /// <summary>
    /// Cyclone configuration (XML text or <c>file://</c> URI) for the domain, applied when this
    /// process creates the domain first; null = Cyclone's own (<c>CYCLONEDDS_URI</c>).
    /// </summary>
    public string? CycloneConfig { get; init; }

    /// <summary>Security enclave announced in the participant's user data. Default <c>/</c>.</summary>
    public string Enclave { get; init; } = "/";

    /// <summary>Name remappings (<c>-r from:=to</c>), applied after expansion.</summary>
    public IReadOnlyList<RosRemap> Remaps { get; init; } = [];

    /// <summary>Per-topic QoS replacing what the code requests.</summary>
    public QosOverrides QosOverrides { get; init; } = QosOverrides.None;

    /// <summary>
    /// Bytes per gid in <c>ros_discovery_info</c>: 16 for Iron, Jazzy and later (default), 24 for
    /// Humble. Peers expecting the other size do not see our nodes; do not mix distros on a domain.
    /// </summary>
    public int GidStorageSize { get; init; } = 16;

    /// <summary>Publish <c>ros_discovery_info</c> so <c>ros2 node list</c> shows this node. Default true.</summary>
    public bool AnnounceNode { get; init; } = true;

    /// <summary>Reads <c>ROS_DOMAIN_ID</c> (default 0) into <see cref="DomainId"/>.</summary>
    /// <exception cref="ArgumentException">The variable is not an integer in 0..232.</exception>
    public DdsNodeOptions WithDomainFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("ROS_DOMAIN_ID");
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        if (!uint.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id > 232)
        {
            throw new ArgumentException($"ROS_DOMAIN_ID='{text}' is not a domain id: use an integer from 0 to 232 (0-101 avoids ephemeral ports).");
        }

        return this with { DomainId = id };
    }

    /// <summary>
    /// Applies what <c>--ros-args</c> said: remaps (incl. <c>__node</c>/<c>__ns</c>), enclave, and
    /// <c>qos_overrides.</c> parameters for this node.
    /// </summary>
    /// <exception cref="RosArgumentException">A malformed QoS override parameter.</exception>
    public DdsNodeOptions WithRosArguments(RosArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var remaps = Remaps.Concat(args.Remaps).ToList();
        var (name, ns) = RemapResolver.ResolveNode(NodeName, Namespace, remaps);
        var parameters = args.ParametersFor(NodeName, RosNames.FullyQualifiedNodeName(name, ns));
        return this with
        {
            Remaps = remaps,
            Enclave = args.Enclave ?? Enclave,
            QosOverrides = QosOverrideParameters.Apply(parameters, QosOverrides),
        };
    }

    /// <summary>Checks every field; throws with the field's name and the fix.</summary>
    public DdsNodeOptions Validate()
    {
        RosNames.ValidateNodeName(NodeName);
        RosNames.ValidateNamespace(Namespace);
        if (DomainId > 232)
        {
            throw new ArgumentException($"DomainId {DomainId} is out of range: ROS domains are 0..232.");
        }

        if (GidStorageSize is not (16 or 24))
        {
            throw new ArgumentException($"GidStorageSize {GidStorageSize} is not a ROS gid size: use 16 (Iron/Jazzy and later) or 24 (Humble).");
        }

        if (string.IsNullOrEmpty(Enclave) || Enclave[0] != '/')
        {
            throw new ArgumentException($"Enclave '{Enclave}' must be an absolute name such as '/'.");
        }

        return this;
    }
}
