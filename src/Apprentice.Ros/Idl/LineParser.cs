

namespace Apprentice.Ros.Idl;

/// <summary>Parses one line of a <c>.msg</c> body: a field, a constant, or nothing (blank/comment).</summary>
internal sealed class LineParser
{
    private readonly string line;
    private readonly int lineNumber;
    private readonly string fileName;
    private readonly string package;

    public LineParser(string line, int lineNumber, string fileName, string package)
    {
        this.line = line;
        this.lineNumber = lineNumber;
        this.fileName = fileName;
        this.package = package;
    }

    /// <summary>Returns false for blank and comment-only lines.</summary>
    public bool Parse(out FieldDefinition? field, out ConstantDefinition? constant, out int nameColumn)
    {
        field = null;
        constant = null;
        nameColumn = 0;
        var end = CodeEnd();
        var pos = SkipSpace(0, end);
        if (pos >= end)
        {
            return false;
        }

        var typeStart = pos;
        while (pos < end && !IsSpace(line[pos]))
        {
            pos++;
        }

        var typeText = line.Substring(typeStart, pos - typeStart);
        pos = SkipSpace(pos, end);
        if (pos >= end)
        {
            throw Error("'" + typeText + "' has no field name; write '<type> <name>' (e.g. 'int32 count')", typeStart);
        }

        var type = TypeParser.Parse(typeText, package, fileName, lineNumber, typeStart + 1);
        nameColumn = pos + 1;
        var nameStart = pos;
        while (pos < end && IsNameChar(line[pos]))
        {
            pos++;
        }

        var name = line.Substring(nameStart, pos - nameStart);
        var afterName = SkipSpace(pos, end);
        if (afterName < end && line[afterName] == '=')
        {
            constant = ParseConstant(type, name, nameStart, afterName + 1, end);
            return true;
        }

        if (pos < end && !IsSpace(line[pos]))
        {
            throw Error("unexpected character '" + line[pos] + "' in field name; names use a-z, 0-9 and '_'", pos);
        }

        if (!InterfaceName.IsValidFieldName(name))
        {
            throw Error("field name '" + name + "' is invalid; use lower_snake_case starting with a letter, without '__' or a trailing '_'", nameStart);
        }

        if (afterName >= end)
        {
            field = new FieldDefinition(name, type);
            return true;
        }

        var defaultText = line.Substring(afterName, end - afterName).Trim();
        if (!type.IsPrimitive)
        {
            throw Error("field '" + name + "' of nested type " + type + " cannot have a default value", afterName);
        }

        var value = new ValueParser(fileName, lineNumber, afterName + 1).ParseDefault(type, defaultText);
        field = new FieldDefinition(name, type, value, defaultText);
        return true;
    }

    private ConstantDefinition ParseConstant(FieldType type, string name, int nameStart, int valueStart, int end)
    {
        if (!InterfaceName.IsValidConstantName(name))
        {
            throw Error("constant name '" + name + "' is invalid; use UPPER_SNAKE_CASE starting with a letter", nameStart);
        }

        if (!type.IsPrimitive || type.IsArray)
        {
            throw Error("constant '" + name + "' must have a scalar primitive type, not " + type, SkipSpace(0, end));
        }

        var start = SkipSpace(valueStart, end);
        var text = line.Substring(start, end - start).Trim();
        if (text.Length == 0)
        {
            throw Error("constant '" + name + "' has no value after '='", start);
        }

        var value = new ValueParser(fileName, lineNumber, start + 1).ParseScalar(type, text);
        return new ConstantDefinition(name, type, value, text);
    }

    /// <summary>Index where code ends: the first '#' outside quotes, trailing space removed.</summary>
    private int CodeEnd()
    {
        var end = QuotedText.IndexOutsideQuotes(line, '#', 0);
        if (end < 0)
        {
            end = line.Length;
        }

        while (end > 0 && IsSpace(line[end - 1]))
        {
            end--;
        }

        return end;
    }

    private int SkipSpace(int pos, int end)
    {
        while (pos < end && IsSpace(line[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r';

    private static bool IsNameChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

    private IdlParseException Error(string reason, int index) =>
        new(reason, fileName, lineNumber, index + 1);

}
