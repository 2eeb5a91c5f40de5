using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Registry;

namespace Apprentice.Bag.Decoding;

/// <summary>Dynamic reading: a bag's messages decoded with its own schemas, for any type.</summary>
public static class BagDynamicReading
{
    /// <summary>
    /// Messages merged across files in receive-time order, filtered, each decoded by a
    /// <see cref="BagMessageDecoder"/> (the bag's schemas, then <paramref name="fallback"/>).
    /// Allocates a value tree per message; use generated types (<see cref="BagTypedMessages"/>) on hot paths.
    /// </summary>
    /// <exception cref="BagDecodeException">A message has no usable definition or does not decode.</exception>
    public static IEnumerable<(BagMessage Raw, DynamicMessage Message)> ReadDynamic(
        this BagReader reader, BagReadFilter? filter = null, IMessageDefinitionProvider? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var decoder = BagMessageDecoder.For(reader, fallback ?? BagSchemas.Default);
        return reader.ReadMessages(filter).Select(m => (m, decoder.Decode(m)));
    }
}
