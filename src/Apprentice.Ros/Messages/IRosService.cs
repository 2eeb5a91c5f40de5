namespace Apprentice.Ros.Messages;

/// <summary>A generated ROS 2 service type: its name and its request and response message types.</summary>
/// <typeparam name="TRequest">The request message.</typeparam>
/// <typeparam name="TResponse">The response message.</typeparam>
public interface IRosService<TRequest, TResponse>
    where TRequest : class, IRosMessage<TRequest>, new()
    where TResponse : class, IRosMessage<TResponse>, new()
{
    /// <summary>The ROS type name, e.g. <c>lifecycle_msgs/srv/ChangeState</c>.</summary>
    static abstract string RosTypeName { get; }
}
