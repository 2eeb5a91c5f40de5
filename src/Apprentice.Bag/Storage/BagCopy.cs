namespace Apprentice.Bag.Storage;

/// <summary>Copies every topic, definition and message of one storage file into another.</summary>
public static class BagCopy
{
    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="target"/> and closes the target.
    /// Payload bytes are copied unchanged. Returns the number of messages copied.
    /// </summary>
    public static long Copy(IBagStorageReader source, IBagStorageWriter target, BagReadFilter? filter = null,
        IProgress<long>? progress = null)
    {
        using (target)
        {
            var definitions = BagDefinitions.Resolve([source]);
            foreach (var t in source.Topics)
            {
                target.CreateTopic(t, definitions.GetValueOrDefault(t.Type));
            }

            long n = 0;
            foreach (var m in source.ReadMessages(filter))
            {
                target.Write(m);
                if (++n % 10_000 == 0)
                {
                    progress?.Report(n);
                }
            }

            if (source.SerializedBagMetadata is { } meta)
            {
                target.WriteBagMetadata(meta);
            }

            target.Close();
            return n;
        }
    }
}
