using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;

namespace Apprentice.Bag.Decoding;

/// <summary>Where the definition used to decode a type came from.</summary>
public enum BagDefinitionSource
{
    /// <summary>The schema stored in the bag (MCAP Schema or db3 <c>message_definitions</c>).</summary>
    Bag,

    /// <summary>An extra definition given by the caller (e.g. a sibling MCAP of a db3 with placeholders).</summary>
    Extra,

    /// <summary>The interface registry (the bag had none, a placeholder, or one that does not parse).</summary>
    Registry,
}

/// <summary>
/// How one type is decoded: its root definition and a codec that resolves its nested types.
/// Immutable and thread-safe (the codec is).
/// </summary>
/// <param name="TypeName">The type name as the bag stores it, e.g. <c>std_msgs/msg/String</c>.</param>
/// <param name="Root">The definition of the payload's top-level message.</param>
/// <param name="Codec">A codec resolving nested types from the same source.</param>
/// <param name="Source">Where <paramref name="Root"/> came from.</param>
/// <param name="Note">Why a source other than the bag was used (empty when the bag's own schema was used).</param>
public sealed record BagTypeDecoder(
    string TypeName, MessageDefinition Root, DynamicCodec Codec, BagDefinitionSource Source, string Note = "");
