using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Bags;

/// <summary><c>apprentice bag convert</c>: rewrites a bag (directory or file) into a new bag directory, merging split files.</summary>
public static class BagConverter
{
    /// <summary>
    /// Writes every message of <paramref name="input"/> (receive-time order) into a new bag at
    /// <paramref name="output"/> with <paramref name="options"/> (storage, compression, splitting).
    /// Payloads are copied byte for byte. Returns the number of messages written.
    /// </summary>
    /// <exception cref="BagWriteException">Writing failed.</exception>
    public static long Convert(string input, string output, BagWriterOptions options, IProgress<long>? progress = null)
    {
        using var bag = BagReader.Open(input);
        options = options with
        {
            CustomData = bag.Metadata?.CustomData ?? options.CustomData
        };
        using var writer = BagWriter.Create(output, options);
        foreach (var t in bag.Topics)
        {
            writer.CreateTopic(t, bag.Definitions.GetValueOrDefault(t.Type));
        }

        long n = 0;
        foreach (var m in bag.ReadMessages())
        {
            writer.Write(m); // converting must lose nothing: wait for the consumer, never drop
            if (++n % 10_000 == 0)
            {
                progress?.Report(n);
            }
        }

        writer.Close();
        return n;
    }
}
