namespace Apprentice.Ros.Messages;

/// <summary>Array helpers used by generated message types.</summary>
public static class MessageArrays
{
    /// <summary>A new array of <paramref name="length"/> fresh messages (defaults of fixed-size message arrays).</summary>
    public static T[] NewFilled<T>(int length)
        where T : new()
    {
        var array = new T[length];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = new T();
        }

        return array;
    }

    /// <summary>A new array of <paramref name="length"/> empty strings (defaults of fixed-size string arrays).</summary>
    public static string[] NewStrings(int length)
    {
        var array = new string[length];
        Array.Fill(array, string.Empty);
        return array;
    }
}
