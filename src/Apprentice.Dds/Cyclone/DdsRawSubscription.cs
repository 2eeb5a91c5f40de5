using Apprentice.Dds.Interop;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

/// <summary>A DDS reader of opaque CDR bytes; samples are handed out in place (no copy).</summary>
internal sealed class DdsRawSubscription(DdsNode node, long id, string topic, string ddsTopic, int reader, int condition, QosProfile qos, RawMessageHandler handler)
    : DdsEndpoint(node, id, topic, ddsTopic, reader, qos), IRawSubscription
{
    private volatile bool _disposed;

    public int Condition { get; } = condition;

    public int MatchedPublisherCount =>
        !_disposed && NativeMethods.SubscriptionMatched(Entity, out var s) == 0 ? s.CurrentCount : 0;

    public void Deliver(ReadOnlySpan<byte> cdr, MessageInfo info)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            handler(cdr, info);
        }
#pragma warning disable CA1031 // a failing handler must not stop the node's receive thread
        catch (Exception e)
#pragma warning restore CA1031
        {
            Node.Log.Error(e, "Subscription handler for {Topic} threw; the sample is dropped", Topic);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Node.Remove(this, Condition, Entity);
    }
}
