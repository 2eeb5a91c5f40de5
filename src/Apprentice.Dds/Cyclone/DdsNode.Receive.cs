using Apprentice.Dds.Interop;

namespace Apprentice.Dds.Cyclone;

// The receive thread: one waitset wait, then dispatch of every triggered attachment.
public sealed unsafe partial class DdsNode
{
    // Attachment args: (endpoint id << 2) | tag; id 0 is the node's own guard and discovery readers.
    private const long DataTag = 0;
    private const long StatusTag = 1;
    private const long GuardArg = 0;
    private const long PublicationsArg = 1;
    private const long SubscriptionsArg = 2;

    // Bounds one endpoint's share of a wake-up so a flood on one topic cannot starve the rest.
    private const int MaxSamplesPerWake = 256;

    private void ReceiveLoop()
    {
        var triggered = stackalloc long[64];
        while (!_stopping)
        {
            var n = NativeMethods.WaitsetWait(_waitset, triggered, 64, -1);
            if (n < 0)
            {
                if (!_stopping)
                {
                    _log.Error("DDS waitset wait failed: {Error}; the receive thread stops", NativeMethods.ErrorText(n));
                }

                return;
            }

            lock (_dispatchGate)
            {
                for (var i = 0; i < n && !_stopping; i++)
                {
                    Dispatch(triggered[i]);
                }
            }
        }
    }

    private void Dispatch(long arg)
    {
        switch (arg)
        {
            case GuardArg:
                _ = NativeMethods.GuardTake(_guard, out _);
                return;
            case PublicationsArg:
            case SubscriptionsArg:
                DrainDiscovery();
                return;
        }

        if (!_endpoints.TryGetValue(arg >> 2, out var endpoint))
        {
            return;
        }

        if ((arg & 3) == DataTag && endpoint is DdsRawSubscription subscription)
        {
            DeliverSamples(subscription);
        }
        else if ((arg & 3) == StatusTag)
        {
            HandleStatus(endpoint);
        }
    }

    private void DeliverSamples(DdsRawSubscription subscription)
    {
        for (var k = 0; k < MaxSamplesPerWake; k++)
        {
            if (NativeMethods.Take(subscription.Condition, out var sample) != 1)
            {
                return;
            }

            try
            {
                if (sample.Valid != 0)
                {
                    subscription.Deliver(new ReadOnlySpan<byte>(sample.Data, (int)sample.Size), new(sample.SourceTimestampNs, sample.PublicationHandle));
                }
            }
            finally
            {
                NativeMethods.Release(sample.Serdata);
            }
        }
    }
}
