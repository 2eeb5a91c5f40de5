namespace Apprentice.Ros.Idl;

/// <summary>Scanning of .msg text that may hold quoted strings (netstandard2.0-compatible).</summary>
internal static class QuotedText
{
    /// <summary>
    /// Index of the first <paramref name="delimiter"/> at or after <paramref name="from"/> that is
    /// not inside a single- or double-quoted string (backslash escapes honoured), or -1.
    /// </summary>
    public static int IndexOutsideQuotes(string text, char delimiter, int from)
    {
        var quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == delimiter)
            {
                return i;
            }
        }

        return -1;
    }
}
