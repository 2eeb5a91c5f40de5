namespace Apprentice.Ros.Idl;

/// <summary>
/// Helpers for ROS 2 interface names: full names <c>pkg/msg/Name</c>, short names <c>pkg/Name</c>
/// (used in bag schemas and <c>.msg</c> text), and their validation rules.
/// </summary>
public static class InterfaceName
{
    /// <summary>
    /// Splits <c>pkg/msg/Name</c>, <c>pkg/srv/Name</c> or <c>pkg/Name</c> (taken as <c>msg</c>).
    /// Returns false for anything else.
    /// </summary>
    public static bool TrySplit(string name, out string package, out string kind, out string typeName)
    {
        package = kind = typeName = string.Empty;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var parts = name.Split('/');
        if (parts.Length == 2)
        {
            package = parts[0];
            kind = "msg";
            typeName = parts[1];
        }
        else if (parts.Length == 3)
        {
            package = parts[0];
            kind = parts[1];
            typeName = parts[2];
        }
        else
        {
            return false;
        }

        return IsValidPackageName(package) && IsValidTypeName(typeName) &&
               (kind == "msg" || kind == "srv" || kind == "action");
    }

    /// <summary>Normalises <c>pkg/Name</c> or <c>pkg/msg/Name</c> to <c>pkg/msg/Name</c>; throws on other shapes.</summary>
    public static string ToFullName(string name)
    {
        if (!TrySplit(name, out var package, out var kind, out var typeName))
        {
            throw new ArgumentException(
                "'" + name + "' is not an interface name; expected pkg/msg/Name or pkg/Name (e.g. std_msgs/msg/String).",
                nameof(name));
        }

        return package + "/" + kind + "/" + typeName;
    }

    /// <summary>Drops the <c>/msg/</c> part: <c>std_msgs/msg/Header</c> → <c>std_msgs/Header</c>; other kinds are kept.</summary>
    public static string ToShortForm(string fullName)
    {
        var parts = fullName.Split('/');
        return parts.Length == 3 && parts[1] == "msg" ? parts[0] + "/" + parts[2] : fullName;
    }

    /// <summary>Package names: lower case letters, digits and single underscores, starting with a letter, not ending with <c>_</c>.</summary>
    public static bool IsValidPackageName(string name) => IsLowerSnake(name);

    /// <summary>Field names follow the package-name rule.</summary>
    public static bool IsValidFieldName(string name) => IsLowerSnake(name);

    /// <summary>Type names: an upper case letter, then letters and digits (CamelCase).</summary>
    public static bool IsValidTypeName(string name)
    {
        if (string.IsNullOrEmpty(name) || !IsUpper(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsUpper(c) && !IsLower(c) && !IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Constant names: upper case letters, digits and single underscores, starting with a letter, not ending with <c>_</c>.</summary>
    public static bool IsValidConstantName(string name)
    {
        if (string.IsNullOrEmpty(name) || !IsUpper(name[0]) || name[name.Length - 1] == '_')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_' ? name[i - 1] == '_' : !IsUpper(c) && !IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerSnake(string name)
    {
        if (string.IsNullOrEmpty(name) || !IsLower(name[0]) || name[name.Length - 1] == '_')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_' ? name[i - 1] == '_' : !IsLower(c) && !IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    private static bool IsLower(char c) => c >= 'a' && c <= 'z';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
