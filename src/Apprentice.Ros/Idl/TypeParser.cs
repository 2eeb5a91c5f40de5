using System.Globalization;

namespace Apprentice.Ros.Idl;

/// <summary>Parses a type token (<c>float64[3]</c>, <c>string&lt;=8[&lt;=4]</c>, <c>geometry_msgs/Pose</c>).</summary>
internal static class TypeParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="column"/> is the 1-based column of its first character.</summary>
    public static FieldType Parse(string text, string package, string fileName, int line, int column)
    {
        var array = ArrayKind.None;
        var arrayLength = 0;
        var baseText = text;
        if (text.EndsWith("]", StringComparison.Ordinal))
        {
            var open = text.LastIndexOf('[');
            if (open < 0)
            {
                throw new IdlParseException("']' without '[' in type '" + text + "'", fileName, line, column + text.Length - 1);
            }

            var inside = text.Substring(open + 1, text.Length - open - 2);
            baseText = text.Substring(0, open);
            if (inside.Length == 0)
            {
                array = ArrayKind.Unbounded;
            }
            else if (inside.StartsWith("<=", StringComparison.Ordinal))
            {
                array = ArrayKind.Bounded;
                arrayLength = ParseSize(inside.Substring(2), "sequence bound", fileName, line, column + open + 3);
            }
            else
            {
                array = ArrayKind.Fixed;
                arrayLength = ParseSize(inside, "array size", fileName, line, column + open + 1);
            }
        }

        if (baseText.IndexOf('[') >= 0 || baseText.IndexOf(']') >= 0)
        {
            throw new IdlParseException("type '" + text + "' has misplaced brackets; only one array suffix like [3], [<=3] or [] is allowed", fileName, line, column);
        }

        int? stringBound = null;
        var bound = baseText.IndexOf("<=", StringComparison.Ordinal);
        if (bound >= 0)
        {
            var head = baseText.Substring(0, bound);
            if (head != "string" && head != "wstring")
            {
                throw new IdlParseException("only string and wstring can be bounded with '<=', not '" + head + "'", fileName, line, column + bound);
            }

            stringBound = ParseSize(baseText.Substring(bound + 2), "string bound", fileName, line, column + bound + 2);
            baseText = head;
        }

        if (PrimitiveKinds.TryParse(baseText, out var kind))
        {
            return new FieldType(kind, null, stringBound, array, arrayLength);
        }

        return new FieldType(PrimitiveKind.Message, ResolveNested(baseText, package, fileName, line, column), null, array, arrayLength);
    }

    /// <summary>
    /// Resolves a nested type name: <c>Header</c> → <c>std_msgs/msg/Header</c>, <c>Name</c> → same
    /// package, <c>pkg/Name</c> and <c>pkg/msg/Name</c> as written.
    /// </summary>
    public static string ResolveNested(string name, string package, string fileName, int line, int column)
    {
        var parts = name.Split('/');
        string pkg;
        string type;
        if (parts.Length == 1)
        {
            pkg = name == "Header" ? "std_msgs" : package;
            type = name;
        }
        else if (parts.Length == 2 || (parts.Length == 3 && parts[1] == "msg"))
        {
            pkg = parts[0];
            type = parts[parts.Length - 1];
        }
        else
        {
            throw new IdlParseException("type '" + name + "' is not a message type; write Name, pkg/Name or pkg/msg/Name", fileName, line, column);
        }

        if (!InterfaceName.IsValidPackageName(pkg))
        {
            throw new IdlParseException("package name '" + pkg + "' in type '" + name + "' is invalid; use lower_snake_case", fileName, line, column);
        }

        if (!InterfaceName.IsValidTypeName(type))
        {
            var hint = type == "time" || type == "duration"
                ? "; ROS 2 has no '" + type + "' primitive, use builtin_interfaces/" + (type == "time" ? "Time" : "Duration")
                : "; primitives are bool, byte, char, int8..uint64, float32, float64, string, wstring and message types are CamelCase";
            throw new IdlParseException("unknown type '" + name + "'" + hint, fileName, line, column + name.Length - type.Length);
        }

        return pkg + "/msg/" + type;
    }

    private static int ParseSize(string text, string what, string fileName, int line, int column)
    {
        if (text.Length == 0 || text.Length > 9 || !IsDigits(text) ||
            !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new IdlParseException(what + " '" + text + "' must be a positive integer", fileName, line, column);
        }

        return n;
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}
