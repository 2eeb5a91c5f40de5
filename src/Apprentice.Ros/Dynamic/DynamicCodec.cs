using System.Collections.Concurrent;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;

namespace Apprentice.Ros.Dynamic;

/// <summary>
/// Decodes and encodes any message type from its definition alone (for the recorder,
/// <c>bag echo</c>, <c>topic echo/pub</c>). Thread-safe; allocates the value tree, so not for
/// hot paths (use generated types there).
/// </summary>
public sealed class DynamicCodec
{
    /// <summary>Nesting deeper than this is treated as malformed (guards against recursive definitions).</summary>
    public const int MaxDepth = 64;

    private readonly IMessageDefinitionProvider provider;
    private readonly ConcurrentDictionary<string, MessageDefinition> cache = new(StringComparer.Ordinal);

    /// <summary>Creates a codec resolving nested types through <paramref name="provider"/>.</summary>
    public DynamicCodec(IMessageDefinitionProvider provider)
    {
        this.provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    /// <summary>Resolves a type name (<c>pkg/msg/Name</c> or <c>pkg/Name</c>).</summary>
    /// <exception cref="InterfaceNotFoundException">Unknown type.</exception>
    public MessageDefinition Resolve(string typeName) => cache.GetOrAdd(typeName, provider.GetMessage);

    /// <summary>Decodes a CDR payload (with header) of type <paramref name="typeName"/>.</summary>
    /// <exception cref="CdrException">The payload is malformed.</exception>
    public DynamicMessage Decode(string typeName, ReadOnlySpan<byte> payload) => Decode(Resolve(typeName), payload);

    /// <summary>Decodes a CDR payload (with header) of the given type.</summary>
    /// <exception cref="CdrException">The payload is malformed.</exception>
    public DynamicMessage Decode(MessageDefinition definition, ReadOnlySpan<byte> payload)
    {
        var reader = new CdrReader(payload);
        return new DynamicDecoder(this).ReadMessage(ref reader, definition, 0);
    }

    /// <summary>Encodes a message into a new array (header included).</summary>
    /// <exception cref="CdrException">A value breaks a bound or a fixed array has the wrong length.</exception>
    public byte[] Encode(DynamicMessage message)
    {
        var writer = new CdrWriter(256);
        try
        {
            Encode(message, ref writer);
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Encodes a message body into <paramref name="writer"/> (whose header is already written).</summary>
    public void Encode(DynamicMessage message, ref CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        new DynamicEncoder(this).WriteMessage(ref writer, message, 0);
    }

    /// <summary>A message of this type with every field at its declared default or zero/empty.</summary>
    public DynamicMessage CreateDefault(string typeName) => CreateDefault(Resolve(typeName));

    /// <summary>A message of this type with every field at its declared default or zero/empty.</summary>
    public DynamicMessage CreateDefault(MessageDefinition definition) => DynamicDefaults.Create(this, definition, 0);

    internal MessageDefinition ResolveNested(FieldType type, MessageDefinition owner)
    {
        try
        {
            return Resolve(type.MessageType!);
        }
        catch (InterfaceNotFoundException)
        {
            throw new InterfaceNotFoundException(type.MessageType!, owner.FullName,
                "The schema or registry lacks it; add its definition.");
        }
    }
}
