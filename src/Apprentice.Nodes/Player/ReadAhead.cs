using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Apprentice.Bag.Storage;

namespace Apprentice.Nodes.Player;

/// <summary>Reads messages on a background task into a bounded queue, so disk and decompression stalls do not delay publishing.</summary>
internal static class ReadAhead
{
    /// <summary>
    /// Yields <paramref name="source"/> read up to <paramref name="capacity"/> messages ahead (0 =
    /// read inline). The source is enumerated on one background task only, and is finished with
    /// before this enumeration ends, so a non-thread-safe reader may be reused afterwards.
    /// </summary>
    public static async IAsyncEnumerable<BagMessage> Prefetch(IEnumerable<BagMessage> source, int capacity, [EnumeratorCancellation] CancellationToken cancel)
    {
        if (capacity == 0)
        {
            foreach (var m in source)
            {
                yield return m;
            }

            yield break;
        }

        var channel = Channel.CreateBounded<BagMessage>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var m in source)
                {
                    await channel.Writer.WriteAsync(m, stop.Token).ConfigureAwait(false);
                }

                channel.Writer.TryComplete();
            }
#pragma warning disable CA1031 // handed to the reader, which rethrows it
            catch (Exception e)
#pragma warning restore CA1031
            {
                channel.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var m in channel.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                yield return m;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }
}
