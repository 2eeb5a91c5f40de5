namespace Apprentice.Core.Policies.Card;

/// <summary>Element type of a model input or output, as the validator sees it.</summary>
public enum TensorElementKind
{
    /// <summary>A type this enum does not name.</summary>
    Other,

    /// <summary>32-bit float (the only type policy inputs and actions may use).</summary>
    Float32,

    /// <summary>64-bit float.</summary>
    Float64,

    /// <summary>16-bit float.</summary>
    Float16,

    /// <summary>Signed 32-bit integer.</summary>
    Int32,

    /// <summary>Signed 64-bit integer.</summary>
    Int64,

    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,

    /// <summary>Boolean.</summary>
    Bool,
}
