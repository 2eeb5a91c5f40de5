using System.IO.Hashing;

namespace Apprentice.Bag.Mcap;

/// <summary>CRC-32 (ISO-HDLC, the zlib one) as MCAP uses it.</summary>
internal static class Crc
{
    public static uint Compute(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(data);
}
