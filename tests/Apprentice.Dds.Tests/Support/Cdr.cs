namespace Apprentice.Dds.Tests.Support;

/// <summary>Test payloads: a little-endian CDR encapsulation header and some bytes.</summary>
internal static class Cdr
{
    public static byte[] Payload(int seed, int length = 12)
    {
        var bytes = new byte[4 + length];
        bytes[1] = 0x01;
        for (var i = 0; i < length; i++)
        {
            bytes[4 + i] = (byte)(seed * 31 + i);
        }

        return bytes;
    }
}
