using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Ros.Cdr;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;

namespace Apprentice.Bag.Decoding;

/// <summary>
/// Decodes bag messages with the bag's own schemas (<see cref="Ros2MsgSchema.Parse"/> on the stored
/// <c>ros2msg</c> text), so a bag recorded with message versions Apprentice does not know still
/// decodes. Types the schema text lacks (e.g. <c>service_msgs/ServiceEventInfo</c> of service-event
/// schemas) come from the fallback registry. A definition flagged
/// <see cref="BagMessageDefinition.Suspect"/> (db3 placeholder rows) is never used: extra
/// definitions (e.g. a sibling MCAP's) are tried first, then the registry. Each type is resolved once
/// on first use. Not thread-safe (the returned <see cref="BagTypeDecoder"/>s are).
/// </summary>
public sealed class BagMessageDecoder
{
    private readonly Dictionary<string, string> _typeOfTopic;
    private readonly Dictionary<string, (BagMessageDefinition Definition, BagDefinitionSource Source)> _definitions;
    private readonly IMessageDefinitionProvider? _fallback;
    private readonly Dictionary<string, BagTypeDecoder> _decoders = new(StringComparer.Ordinal);

    /// <summary>Creates a decoder for the given topics and stored definitions.</summary>
    /// <param name="topics">The bag's topics (name → type).</param>
    /// <param name="definitions">The bag's definitions, one per type (see <see cref="BagDefinitions.Resolve"/>).</param>
    /// <param name="fallback">Where types missing from a schema are found (normally an <see cref="InterfaceRegistry"/>), or null.</param>
    /// <param name="extraDefinitions">Definitions from elsewhere that replace missing or suspect ones (never a trustworthy stored one).</param>
    public BagMessageDecoder(
        IEnumerable<BagTopic> topics,
        IReadOnlyDictionary<string, BagMessageDefinition> definitions,
        IMessageDefinitionProvider? fallback = null,
        IEnumerable<BagMessageDefinition>? extraDefinitions = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(definitions);
        _typeOfTopic = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in topics)
        {
            _typeOfTopic.TryAdd(t.Name, t.Type);
        }

        _definitions = definitions.ToDictionary(p => p.Key, p => (p.Value, BagDefinitionSource.Bag), StringComparer.Ordinal);
        foreach (var d in extraDefinitions ?? [])
        {
            if (!d.Suspect && (!_definitions.TryGetValue(d.TopicType, out var have) || have.Definition.Suspect))
            {
                _definitions[d.TopicType] = (d, BagDefinitionSource.Extra);
            }
        }

        _fallback = fallback;
    }

    /// <summary>A decoder for an open bag, with <paramref name="fallback"/> (default: <see cref="BagSchemas.Default"/>, the embedded interfaces).</summary>
    public static BagMessageDecoder For(
        BagReader reader, IMessageDefinitionProvider? fallback = null, IEnumerable<BagMessageDefinition>? extraDefinitions = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new BagMessageDecoder(reader.Topics, reader.Definitions, fallback ?? BagSchemas.Default, extraDefinitions);
    }

    /// <summary>The type of <paramref name="topic"/>.</summary>
    /// <exception cref="BagDecodeException">The bag has no such topic.</exception>
    public string TypeOfTopic(string topic) =>
        _typeOfTopic.TryGetValue(topic, out var type) ? type
            : throw new BagDecodeException(
                $"The bag has no topic '{topic}'. Topics: {string.Join(", ", _typeOfTopic.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>How messages of <paramref name="topic"/> are decoded (resolved on first call).</summary>
    /// <exception cref="BagDecodeException">Unknown topic, or no usable definition of its type.</exception>
    public BagTypeDecoder ForTopic(string topic) => ForType(TypeOfTopic(topic));

    /// <summary>How messages of type <paramref name="typeName"/> are decoded (resolved on first call).</summary>
    /// <exception cref="BagDecodeException">No usable definition of the type in the bag, the extras or the fallback.</exception>
    public BagTypeDecoder ForType(string typeName)
    {
        if (!_decoders.TryGetValue(typeName, out var decoder))
        {
            decoder = Resolve(typeName);
            _decoders[typeName] = decoder;
        }

        return decoder;
    }

    /// <summary>Decodes one message with its topic's definition.</summary>
    /// <exception cref="BagDecodeException">Unknown topic, no usable definition, or a payload that does not match it.</exception>
    public DynamicMessage Decode(BagMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var decoder = ForTopic(message.Topic);
        try
        {
            return decoder.Codec.Decode(decoder.Root, message.Data.Span);
        }
        catch (Exception e) when (e is CdrException or InterfaceNotFoundException or ArgumentException)
        {
            throw new BagDecodeException(
                $"Message on '{message.Topic}' at {message.RecvTimestampNs} ns does not decode as {decoder.TypeName} " +
                $"(definition from {decoder.Source}{(decoder.Note.Length > 0 ? ": " + decoder.Note : "")}): {e.Message}", e);
        }
    }

    private BagTypeDecoder Resolve(string typeName)
    {
        var notes = new List<string>();
        if (TryGetStored(typeName, out var stored))
        {
            var d = stored.Definition;
            if (d.Suspect)
            {
                notes.Add("the stored definition looks like a placeholder");
            }
            else if (!string.Equals(d.Encoding, Ros2MsgSchema.Encoding, StringComparison.Ordinal))
            {
                notes.Add($"the stored definition is '{d.Encoding}', not {Ros2MsgSchema.Encoding}");
            }
            else
            {
                try
                {
                    var schema = Ros2MsgSchema.Parse(typeName, d.EncodedText, _fallback);
                    _ = schema.ResolveWithDependencies(schema.Root.FullName);
                    return new BagTypeDecoder(typeName, schema.Root, new DynamicCodec(schema), stored.Source);
                }
                catch (Exception e) when (e is IdlParseException or InterfaceNotFoundException)
                {
                    notes.Add("the stored definition does not parse: " + e.Message);
                }
            }
        }
        else
        {
            notes.Add("the bag stores no definition");
        }

        if (_fallback is not null && _fallback.TryGetMessage(typeName, out var root))
        {
            try
            {
                _ = _fallback.ResolveWithDependencies(root.FullName);
                return new BagTypeDecoder(typeName, root, new DynamicCodec(_fallback), BagDefinitionSource.Registry, string.Join("; ", notes));
            }
            catch (InterfaceNotFoundException e)
            {
                notes.Add("the registry lacks a dependency: " + e.Message);
            }
        }
        else
        {
            notes.Add("the registry does not know it");
        }

        throw new BagDecodeException(
            $"No usable definition of {typeName}: {string.Join("; ", notes)}. Add its .msg to the project's msg/ folder, " +
            "source a ROS 2 installation (AMENT_PREFIX_PATH), or give a bag that stores it.");
    }

    // rosbag2's db3 stores a service's definition under the service name (pkg/srv/Name) while its
    // event topics have the type pkg/srv/Name_Event.
    private bool TryGetStored(string typeName, out (BagMessageDefinition Definition, BagDefinitionSource Source) stored)
    {
        const string eventSuffix = "_Event";
        return _definitions.TryGetValue(typeName, out stored) ||
               (typeName.Contains("/srv/", StringComparison.Ordinal) && typeName.EndsWith(eventSuffix, StringComparison.Ordinal) &&
                _definitions.TryGetValue(typeName[..^eventSuffix.Length], out stored));
    }
}
