namespace Apprentice.Ros.Qos;

/// <summary>The profiles ROS 2 predefines (ros2/rmw <c>qos_profiles.h</c>, rcl).</summary>
public static class QosProfiles
{
    /// <summary>Reliable, volatile, keep-last 10 (<c>rmw_qos_profile_default</c>).</summary>
    public static QosProfile Default { get; } = new();

    /// <summary>Best effort, volatile, keep-last 5 (<c>rmw_qos_profile_sensor_data</c>).</summary>
    public static QosProfile SensorData { get; } = new() { Reliability = ReliabilityPolicy.BestEffort, Depth = 5 };

    /// <summary>Reliable, volatile, keep-last 10 (<c>rmw_qos_profile_services_default</c>).</summary>
    public static QosProfile Services { get; } = new();

    /// <summary>Reliable, volatile, keep-last 1000 (<c>rmw_qos_profile_parameters</c>).</summary>
    public static QosProfile Parameters { get; } = new() { Depth = 1000 };

    /// <summary>Reliable, volatile, keep-last 1000 (<c>rmw_qos_profile_parameter_events</c>).</summary>
    public static QosProfile ParameterEvents { get; } = new() { Depth = 1000 };

    /// <summary>Every policy left to the middleware (<c>rmw_qos_profile_system_default</c>).</summary>
    public static QosProfile SystemDefault { get; } = new()
    {
        History = HistoryPolicy.SystemDefault,
        Depth = 0,
        Reliability = ReliabilityPolicy.SystemDefault,
        Durability = DurabilityPolicy.SystemDefault,
    };

    /// <summary>Reliable, transient local, keep-last 1: latched topics such as <c>/tf_static</c>.</summary>
    public static QosProfile Latched { get; } = new() { Durability = DurabilityPolicy.TransientLocal, Depth = 1 };

    /// <summary><c>/rosout</c>: reliable, transient local, keep-last 1000, lifespan 10 s (rcl).</summary>
    public static QosProfile Rosout { get; } = new()
    {
        Durability = DurabilityPolicy.TransientLocal,
        Depth = 1000,
        Lifespan = TimeSpan.FromSeconds(10),
    };

    /// <summary>Looks a profile up by its ROS-ish name (<c>default</c>, <c>sensor_data</c>, ...).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static QosProfile ByName(string name) => name.Replace('-', '_').ToLowerInvariant() switch
    {
        "default" => Default,
        "sensor_data" => SensorData,
        "services" or "services_default" => Services,
        "parameters" => Parameters,
        "parameter_events" => ParameterEvents,
        "system_default" => SystemDefault,
        "latched" or "transient_local" => Latched,
        "rosout" => Rosout,
        _ => throw new ArgumentException(
            $"Unknown QoS profile '{name}'. Known: default, sensor_data, services, parameters, parameter_events, system_default, latched, rosout."),
    };
}
