using Apprentice.Dds.Graph;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Tests.Policy;

/// <summary>
/// A transport double for allocation tests: publishers discard, and <see cref="Deliver"/> runs a
/// subscription's handler on the caller's thread (so decoding is measured with the tick).
/// </summary>
internal sealed class DirectTransport : ITransport
{
    private readonly Dictionary<string, RawMessageHandler> _handlers = new(StringComparer.Ordinal);

    public string NodeName => "policy_node";

    public string Namespace => "/";

#pragma warning disable CS0067 // never raised: nothing to match
    public event Action<QosIncompatibility>? QosIncompatible;
#pragma warning restore CS0067

    public string ResolveTopicName(string topic) => topic.StartsWith("~/", StringComparison.Ordinal) ? "/policy_node/" + topic[2..] : topic;

    public IRawPublisher CreateRawPublisher(string topic, string rosType, QosProfile qos) => new Sink(ResolveTopicName(topic));

    public IRawSubscription CreateRawSubscription(string topic, string rosType, QosProfile qos, RawMessageHandler handler)
    {
        _handlers[ResolveTopicName(topic)] = handler;
        return new Sink(ResolveTopicName(topic));
    }

    public void Deliver(string topic, ReadOnlySpan<byte> cdr) => _handlers[topic](cdr, default);

    public IReadOnlyList<DiscoveredEndpoint> DiscoveredEndpoints() => [];

    public IReadOnlyList<GraphNode> DiscoveredNodes() => [];

    public void Dispose()
    {
    }

    private sealed class Sink(string topic) : IRawPublisher, IRawSubscription
    {
        public string Topic => topic;

        public int MatchedSubscriptionCount => 0;

        public int MatchedPublisherCount => 0;

        public PublishOutcome Publish(ReadOnlySpan<byte> cdr) => PublishOutcome.Published;

        public PublishOutcome Publish(ReadOnlySpan<byte> cdr, long sourceTimestampNs) => PublishOutcome.Published;

        public void Dispose()
        {
        }
    }
}
