namespace Apprentice.Ros.Idl;

/// <summary>
/// Parses ROS 2 <c>.msg</c> and <c>.srv</c> text into <see cref="MessageDefinition"/> and
/// <see cref="ServiceDefinition"/>, following the rules of rosidl_adapter: one field or constant per
/// line, <c>#</c> comments, <c>Header</c> meaning <c>std_msgs/Header</c>, bare type names resolved
/// in the file's own package. Stateless and thread-safe.
/// </summary>
public static class MsgParser
{
    /// <summary>Parses a <c>.msg</c> text.</summary>
    /// <param name="text">The file content.</param>
    /// <param name="package">The package the file belongs to (resolves bare nested type names).</param>
    /// <param name="name">The type name (the file name without <c>.msg</c>).</param>
    /// <param name="fileName">Shown in errors; defaults to <c>pkg/msg/Name.msg</c>.</param>
    /// <exception cref="IdlParseException">The text or a name is invalid.</exception>
    public static MessageDefinition ParseMessage(string text, string package, string name, string? fileName = null)
    {
        fileName ??= package + "/msg/" + name + ".msg";
        CheckNames(package, name, fileName);
        return ParseBody(SplitLines(text ?? throw new ArgumentNullException(nameof(text))), 0, -1, package, "msg", name, fileName, text);
    }

    /// <summary>Parses a <c>.srv</c> text: request fields, a line <c>---</c>, response fields.</summary>
    /// <param name="text">The file content.</param>
    /// <param name="package">The package the file belongs to.</param>
    /// <param name="name">The service name (file name without <c>.srv</c>).</param>
    /// <param name="fileName">Shown in errors; defaults to <c>pkg/srv/Name.srv</c>.</param>
    /// <exception cref="IdlParseException">The text or a name is invalid, or the separator is missing or repeated.</exception>
    public static ServiceDefinition ParseService(string text, string package, string name, string? fileName = null)
    {
        fileName ??= package + "/srv/" + name + ".srv";
        CheckNames(package, name, fileName);
        var lines = SplitLines(text ?? throw new ArgumentNullException(nameof(text)));
        var separator = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---")
            {
                if (separator >= 0)
                {
                    throw new IdlParseException("a second '---' separator; a .srv has exactly one, between request and response", fileName, i + 1, 1);
                }

                separator = i;
            }
        }

        if (separator < 0)
        {
            throw new IdlParseException("no '---' line separating request from response", fileName, 0, 0);
        }

        var request = ParseBody(lines, 0, separator, package, "srv", name + "_Request", fileName, null);
        var response = ParseBody(lines, separator + 1, lines.Length, package, "srv", name + "_Response", fileName, null);
        return new ServiceDefinition(package, name, request, response, text);
    }

    /// <summary>True when <paramref name="text"/> has a line that is exactly <c>---</c> (the <c>.srv</c> form).</summary>
    public static bool LooksLikeService(string text)
    {
        foreach (var line in SplitLines(text))
        {
            if (line.TrimEnd() == "---")
            {
                return true;
            }
        }

        return false;
    }

    internal static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static void CheckNames(string package, string name, string fileName)
    {
        if (!InterfaceName.IsValidPackageName(package))
        {
            throw new IdlParseException("package name '" + package + "' is invalid; use lower_snake_case starting with a letter", fileName, 0, 0);
        }

        if (!InterfaceName.IsValidTypeName(name))
        {
            throw new IdlParseException("type name '" + name + "' is invalid; use CamelCase starting with an upper-case letter", fileName, 0, 0);
        }
    }

    private static MessageDefinition ParseBody(
        string[] lines, int start, int end, string package, string kind, string name, string fileName, string? text)
    {
        if (end < 0)
        {
            end = lines.Length;
        }

        var fields = new List<FieldDefinition>();
        var constants = new List<ConstantDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            var line = new LineParser(lines[i], i + 1, fileName, package);
            if (!line.Parse(out var field, out var constant, out var nameColumn))
            {
                continue;
            }

            var memberName = field?.Name ?? constant!.Name;
            if (!names.Add(memberName))
            {
                throw new IdlParseException("'" + memberName + "' is declared twice", fileName, i + 1, nameColumn);
            }

            if (field is not null)
            {
                fields.Add(field);
            }
            else
            {
                constants.Add(constant!);
            }
        }

        text ??= string.Join("\n", lines, start, end - start);
        return new MessageDefinition(package, kind, name, fields.AsReadOnly(), constants.AsReadOnly(), text);
    }
}
