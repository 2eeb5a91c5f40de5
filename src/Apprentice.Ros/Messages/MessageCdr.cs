using System.Runtime.CompilerServices;
using System.Text;
using Apprentice.Ros.Cdr;

namespace Apprentice.Ros.Messages;

/// <summary>
/// The CDR operations generated message code calls: thin, inlined wrappers over
/// <see cref="CdrWriter"/>/<see cref="CdrReader"/> that add field-named bound checks, array
/// reuse and string reuse. Kept public only for generated code; not meant for direct use.
/// </summary>
public static partial class MessageCdr
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Rounds <paramref name="position"/> up to a multiple of <paramref name="size"/> (1, 2, 4, 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Align(int position, int size) => (position + size - 1) & ~(size - 1);

    /// <summary>The position after <paramref name="count"/> primitives of <paramref name="size"/> bytes (aligned only when non-empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SizeOfArray(int position, int count, int size) => count == 0 ? position : Align(position, size) + (count * size);

    /// <summary>The position after a string: uint32 length, UTF-8 bytes, NUL.</summary>
    public static int SizeOfString(int position, string value) => Align(position, 4) + 4 + Encoding.UTF8.GetByteCount(value) + 1;

    /// <summary>The position after a wstring: uint32 count, UTF-16 code units.</summary>
    public static int SizeOfWString(int position, string value) => SizeOfArray(Align(position, 4) + 4, value.Length, 2);

    /// <summary>Returns <paramref name="value"/>, or throws naming the field when it is null.</summary>
    /// <exception cref="ArgumentNullException">A string, nested message, array or array element is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T NotNull<T>(T? value, string field)
        where T : class => value ?? throw NullField(field);

    /// <summary>Throws unless <paramref name="array"/> has exactly <paramref name="length"/> elements.</summary>
    /// <exception cref="MessageFieldLengthException">Wrong length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckFixedLength<T>(T[] array, int length, string field)
    {
        if (array.Length != length)
        {
            throw new MessageFieldLengthException(field, array.Length, length, isFixed: true);
        }
    }

    /// <summary>Writes a sequence count, checking <paramref name="bound"/> (0: unbounded).</summary>
    /// <exception cref="MessageFieldLengthException">The count exceeds the bound.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteCount(ref CdrWriter writer, int count, int bound, string field)
    {
        if (bound > 0 && count > bound)
        {
            throw new MessageFieldLengthException(field, count, bound, isFixed: false);
        }

        writer.WriteUInt32((uint)count);
    }

    /// <summary>Reads a sequence count, rejecting counts above <paramref name="bound"/> or beyond the bytes left.</summary>
    /// <exception cref="CdrException">Malformed count.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadCount(ref CdrReader reader, int bound, int minElementSize, string field)
    {
        _ = field;
        return reader.ReadSequenceLength(minElementSize, bound);
    }

    /// <summary>
    /// <paramref name="existing"/> when it already has <paramref name="length"/> elements (so decoding
    /// the next same-sized message allocates nothing), else a new array of exactly that length.
    /// Arrays always have exactly the message's element count: no separate length is needed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T[] Reuse<T>(T[]? existing, int length)
    {
        if (existing is not null && existing.Length == length)
        {
            return existing;
        }

        return length == 0 ? Array.Empty<T>() : new T[length];
    }

    /// <summary>Writes a string, checking its bound in UTF-8 bytes as the reader does (0: unbounded).</summary>
    /// <exception cref="MessageFieldLengthException">Too long.</exception>
    public static void WriteString(ref CdrWriter writer, string value, int bound, string field)
    {
        if (bound > 0)
        {
            // Characters never outnumber UTF-8 bytes, so the cheap check settles most cases.
            var length = value.Length > bound || Ascii.IsValid(value) ? value.Length : Encoding.UTF8.GetByteCount(value);
            if (length > bound)
            {
                throw new MessageFieldLengthException(field, length, bound, isFixed: false);
            }
        }

        writer.WriteString(value);
    }

    /// <summary>Writes a wstring, checking its bound in characters (0: unbounded).</summary>
    /// <exception cref="MessageFieldLengthException">Too long.</exception>
    public static void WriteWString(ref CdrWriter writer, string value, int bound, string field)
    {
        if (bound > 0 && value.Length > bound)
        {
            throw new MessageFieldLengthException(field, value.Length, bound, isFixed: false);
        }

        writer.WriteWString(value);
    }

    /// <summary>
    /// Reads a string, returning <paramref name="existing"/> when its UTF-8 bytes are those on the
    /// wire (frame ids, encodings and joint names repeat every message), so only changed strings allocate.
    /// </summary>
    /// <exception cref="CdrException">Malformed or not UTF-8.</exception>
    public static string ReadString(ref CdrReader reader, string? existing, int bound, string field)
    {
        _ = field;
        var at = reader.Position;
        var bytes = reader.ReadStringBytes(bound);
        if (existing is not null && SameUtf8(existing, bytes))
        {
            return existing;
        }

        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CdrException("string is not valid UTF-8", at);
        }
    }

    /// <summary>Reads a wstring (allocates; wstrings are rare).</summary>
    public static string ReadWString(ref CdrReader reader, string? existing, int bound, string field)
    {
        _ = field;
        var value = reader.ReadWString(bound);
        return existing is not null && string.Equals(existing, value, StringComparison.Ordinal) ? existing : value;
    }

    /// <summary>True when <paramref name="text"/> encodes to exactly <paramref name="utf8"/>; allocation-free.</summary>
    private static bool SameUtf8(string text, ReadOnlySpan<byte> utf8)
    {
        if (text.Length == utf8.Length)
        {
            // A non-ASCII char needs more than one byte, so equal lengths mean equal only as pure ASCII.
            return Ascii.Equals(utf8, text);
        }

        return text.Length < utf8.Length && NonAsciiEqual(text, utf8);
    }

    private static bool NonAsciiEqual(string text, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 256 || Encoding.UTF8.GetByteCount(text) != utf8.Length)
        {
            return false;
        }

        Span<byte> encoded = stackalloc byte[utf8.Length];
        return Encoding.UTF8.GetBytes(text, encoded) == utf8.Length && encoded.SequenceEqual(utf8);
    }

    private static ArgumentNullException NullField(string field) =>
        new(field, field + " (or one of its elements) is null; use an empty string, an empty array or a new message instead of null.");
}
