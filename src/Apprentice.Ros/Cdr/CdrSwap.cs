using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Apprentice.Ros.Cdr;

/// <summary>Bulk byte-order reversal of primitive arrays.</summary>
internal static class CdrSwap
{
    public static void Reverse(Span<byte> bytes, int elementSize)
    {
        switch (elementSize)
        {
            case 2:
                var u16 = MemoryMarshal.Cast<byte, ushort>(bytes);
                BinaryPrimitives.ReverseEndianness(u16, u16);
                break;
            case 4:
                var u32 = MemoryMarshal.Cast<byte, uint>(bytes);
                BinaryPrimitives.ReverseEndianness(u32, u32);
                break;
            case 8:
                var u64 = MemoryMarshal.Cast<byte, ulong>(bytes);
                BinaryPrimitives.ReverseEndianness(u64, u64);
                break;
        }
    }
}
