using System.Text;

namespace Apprentice.Ros.Generator;

/// <summary>A string builder with indentation for emitting C# source.</summary>
internal sealed class CodeBuilder
{
    private readonly StringBuilder sb = new();
    private int indent;

    public CodeBuilder Line(string text = "")
    {
        if (text.Length > 0)
        {
            sb.Append(' ', indent * 4);
        }

        sb.Append(text).Append('\n');
        return this;
    }

    public CodeBuilder Open(string text)
    {
        Line(text);
        Line("{");
        indent++;
        return this;
    }

    /// <summary>Opens a bare scope block.</summary>
    public CodeBuilder Block()
    {
        Line("{");
        indent++;
        return this;
    }

    public CodeBuilder Close(string suffix = "")
    {
        indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => sb.ToString();
}
