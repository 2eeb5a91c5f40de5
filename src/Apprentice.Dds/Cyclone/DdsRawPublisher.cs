using Apprentice.Dds.Interop;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

/// <summary>A DDS writer of opaque CDR bytes.</summary>
internal sealed unsafe class DdsRawPublisher(DdsNode node, long id, string topic, string ddsTopic, int writer, QosProfile qos)
    : DdsEndpoint(node, id, topic, ddsTopic, writer, qos), IRawPublisher
{
    private const long UnixEpochTicks = 621355968000000000L;
    private volatile bool _disposed;

    public int MatchedSubscriptionCount =>
        !_disposed && NativeMethods.PublicationMatched(Entity, out var s) == 0 ? s.CurrentCount : 0;

    public PublishOutcome Publish(ReadOnlySpan<byte> cdr) =>
        Publish(cdr, (Node.Time.GetUtcNow().UtcTicks - UnixEpochTicks) * 100);

    public PublishOutcome Publish(ReadOnlySpan<byte> cdr, long sourceTimestampNs)
    {
        if (_disposed || Node.IsDisposed)
        {
            return PublishOutcome.Closed;
        }

        if (cdr.Length < 4)
        {
            return PublishOutcome.InvalidPayload;
        }

        int rc;
        fixed (byte* p = cdr)
        {
            rc = NativeMethods.Write(Entity, p, (uint)cdr.Length, sourceTimestampNs);
        }

        return rc switch
        {
            0 => PublishOutcome.Published,
            NativeMethods.RetcodeTimeout => PublishOutcome.TimedOut,
            _ when _disposed || Node.IsDisposed => PublishOutcome.Closed,
            _ => Failed(rc),
        };
    }

    public void Dispose()
    {
        _disposed = true;
        Node.Remove(this, Entity);
    }

    private PublishOutcome Failed(int rc)
    {
        Node.Log.Warning("Publishing on {Topic} failed: {Error}", Topic, NativeMethods.ErrorText(rc));
        return PublishOutcome.Failed;
    }
}
