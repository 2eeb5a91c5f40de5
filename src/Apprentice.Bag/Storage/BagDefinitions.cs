namespace Apprentice.Bag.Storage;

/// <summary>Chooses one definition per type across storage files, preferring trustworthy ones.</summary>
public static class BagDefinitions
{
    /// <summary>
    /// Per type name, the first definition not flagged <see cref="BagMessageDefinition.Suspect"/>
    /// across <paramref name="readers"/> (in order), else the first suspect one. Use it to prefer a
    /// sibling MCAP's schemas over a db3's placeholder rows.
    /// </summary>
    public static IReadOnlyDictionary<string, BagMessageDefinition> Resolve(IEnumerable<IBagStorageReader> readers)
    {
        var result = new Dictionary<string, BagMessageDefinition>(StringComparer.Ordinal);
        foreach (var d in readers.SelectMany(r => r.Definitions))
        {
            if (!result.TryGetValue(d.TopicType, out var have) || (have.Suspect && !d.Suspect))
            {
                result[d.TopicType] = d;
            }
        }

        return result;
    }
}
