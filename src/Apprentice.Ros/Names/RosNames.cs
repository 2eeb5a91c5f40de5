namespace Apprentice.Ros.Names;

/// <summary>
/// Validation and expansion of ROS 2 names as rcl does it (<c>rcl_expand_topic_name</c>,
/// <c>rmw_validate_*</c>). Pure and thread-safe.
/// </summary>
public static class RosNames
{
    /// <summary>Longest node name rmw accepts.</summary>
    public const int MaxNodeNameLength = 255;

    /// <summary>Longest fully-qualified topic name (255 minus the longest DDS prefix/suffix).</summary>
    public const int MaxTopicNameLength = 247;

    /// <summary>Throws <see cref="InvalidRosNameException"/> unless <paramref name="name"/> is a valid node name.</summary>
    public static void ValidateNodeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw Fail("node name", name, "it is empty");
        }

        if (name.Length > MaxNodeNameLength)
        {
            throw Fail("node name", name, $"it is longer than {MaxNodeNameLength} characters");
        }

        if (char.IsAsciiDigit(name[0]))
        {
            throw Fail("node name", name, "it starts with a digit");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw Fail("node name", name, $"'{c}' is not allowed (only letters, digits and '_')");
            }
        }
    }

    /// <summary>Throws unless <paramref name="ns"/> is a valid absolute namespace (<c>/</c> or <c>/a/b</c>).</summary>
    public static void ValidateNamespace(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        if (ns == "/")
        {
            return;
        }

        ValidateFullyQualified(ns, "namespace");
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid fully-qualified topic or service name.</summary>
    public static void ValidateFullTopicName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ValidateFullyQualified(name, "topic name");
        if (name.Length > MaxTopicNameLength)
        {
            throw Fail("topic name", name, $"it is longer than {MaxTopicNameLength} characters");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="name"/> is a valid topic name as written in code or on the
    /// command line: absolute, relative, <c>~</c>-prefixed, with <c>{node}</c>/<c>{ns}</c> substitutions.
    /// </summary>
    public static void ValidateTopicName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw Fail("topic name", name, "it is empty");
        }

        if (name.Length > 1 && name[^1] == '/')
        {
            throw Fail("topic name", name, "it ends with '/'");
        }

        if (name == "/")
        {
            throw Fail("topic name", name, "'/' alone is a namespace, not a topic");
        }

        var inBraces = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '~')
            {
                if (i != 0 || (name.Length > 1 && name[1] != '/'))
                {
                    throw Fail("topic name", name, "'~' may only appear first, followed by '/' or nothing");
                }
            }
            else if (c == '{')
            {
                if (inBraces)
                {
                    throw Fail("topic name", name, "substitutions cannot nest");
                }

                inBraces = true;
            }
            else if (c == '}')
            {
                if (!inBraces)
                {
                    throw Fail("topic name", name, "'}' without '{'");
                }

                inBraces = false;
            }
            else if (c == '/')
            {
                if (inBraces)
                {
                    throw Fail("topic name", name, "'/' inside a substitution");
                }

                if (i + 1 < name.Length && name[i + 1] == '/')
                {
                    throw Fail("topic name", name, "it contains '//'");
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw Fail("topic name", name, $"'{c}' is not allowed (letters, digits, '_', '/', '~', '{{}}')");
            }

            if (char.IsAsciiDigit(c) && (i == 0 || name[i - 1] == '/'))
            {
                throw Fail("topic name", name, "a token starts with a digit");
            }
        }

        if (inBraces)
        {
            throw Fail("topic name", name, "unclosed '{'");
        }
    }

    /// <summary>The node's fully-qualified name: <c>/ns/node</c>, or <c>/node</c> in the root namespace.</summary>
    public static string FullyQualifiedNodeName(string nodeName, string ns) =>
        ns == "/" ? "/" + nodeName : ns + "/" + nodeName;

    /// <summary>
    /// Expands a topic or service name to its fully-qualified form for a node, then validates it.
    /// </summary>
    /// <param name="name">As written: <c>/abs</c>, <c>rel</c>, <c>~/private</c>, <c>{node}/x</c>.</param>
    /// <param name="nodeName">The node's name (after remapping).</param>
    /// <param name="ns">The node's namespace (<c>/</c> or <c>/a/b</c>).</param>
    /// <param name="substitutions">Extra <c>{key}</c> substitutions; <c>node</c>, <c>ns</c>, <c>namespace</c> are built in.</param>
    public static string ExpandTopicName(string name, string nodeName, string ns, IReadOnlyDictionary<string, string>? substitutions = null)
    {
        ValidateTopicName(name);
        ValidateNodeName(nodeName);
        ValidateNamespace(ns);
        var expanded = name;
        if (expanded.StartsWith('~'))
        {
            expanded = FullyQualifiedNodeName(nodeName, ns) + expanded[1..];
        }

        if (expanded.Contains('{', StringComparison.Ordinal))
        {
            expanded = Substitute(expanded, nodeName, ns, substitutions, name);
        }

        if (!expanded.StartsWith('/'))
        {
            expanded = (ns == "/" ? "/" : ns + "/") + expanded;
        }

        try
        {
            ValidateFullTopicName(expanded);
        }
        catch (InvalidRosNameException e)
        {
            throw new InvalidRosNameException($"Topic name '{name}' expands to an invalid name: {e.Message}", e);
        }

        return expanded;
    }

    private static string Substitute(string text, string nodeName, string ns, IReadOnlyDictionary<string, string>? extra, string original)
    {
        var sb = new System.Text.StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf('}', open);
            sb.Append(text, i, open - i);
            var key = text[(open + 1)..close];
            string? value = key switch
            {
                "node" => nodeName,
                "ns" or "namespace" => ns,
                _ => extra is not null && extra.TryGetValue(key, out var v) ? v : null,
            };
            if (value is null)
            {
                throw new InvalidRosNameException($"Topic name '{original}' uses unknown substitution '{{{key}}}' (known: {{node}}, {{ns}}, {{namespace}}).");
            }

            sb.Append(value);
            i = close + 1;
        }

        // "{ns}/x" with ns "/" gives "//x".
        return sb.ToString().Replace("//", "/", StringComparison.Ordinal);
    }

    private static void ValidateFullyQualified(string name, string what)
    {
        if (name.Length == 0)
        {
            throw Fail(what, name, "it is empty");
        }

        if (name[0] != '/')
        {
            throw Fail(what, name, "it must start with '/'");
        }

        if (name.Length > 1 && name[^1] == '/')
        {
            throw Fail(what, name, "it ends with '/'");
        }

        if (name == "/")
        {
            throw Fail(what, name, "'/' alone is a namespace");
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '/')
            {
                if (i + 1 < name.Length && name[i + 1] == '/')
                {
                    throw Fail(what, name, "it contains '//'");
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw Fail(what, name, $"'{c}' is not allowed (only letters, digits, '_' and '/')");
            }
            else if (char.IsAsciiDigit(c) && name[i - 1] == '/')
            {
                throw Fail(what, name, "a token starts with a digit");
            }
        }
    }

    private static InvalidRosNameException Fail(string what, string name, string why) =>
        new($"Invalid ROS {what} '{name}': {why}.");
}
