using Apprentice.Ros.Cdr;

namespace Apprentice.Ros.Tests.Cdr;

public sealed class CdrCodecTests
{
    [Test]
    public void WritesHeaderAndAlignsFromTheByteAfterIt()
    {
        var writer = new CdrWriter(64);
        try
        {
            writer.WriteUInt8(1);
            writer.WriteFloat64(1.0);
            writer.WriteString("hi");
            writer.WriteInt16(-2);
            Assert.That(Convert.ToHexString(writer.Written), Is.EqualTo(
                "00010000" + "01" + "00000000000000" + "000000000000F03F" + "03000000" + "686900" + "00" + "FEFF"));
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Test]
    public void RoundTripsEveryPrimitiveAndBulkArrays()
    {
        var writer = new CdrWriter(16);
        try
        {
            writer.WriteBool(true);
            writer.WriteInt8(-5);
            writer.WriteUInt16(65535);
            writer.WriteInt32(int.MinValue);
            writer.WriteUInt32(uint.MaxValue);
            writer.WriteInt64(long.MinValue);
            writer.WriteUInt64(ulong.MaxValue);
            writer.WriteFloat32(1.5f);
            writer.WriteString("héllo");
            writer.WriteWString("wide");
            writer.WriteSequenceLength(3);
            writer.WriteArray<double>(new[] { 1.0, -2.0, 3.5 });
            var bytes = writer.ToArray();
            var reader = new CdrReader(bytes);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(reader.ReadBool(), Is.True);
                Assert.That(reader.ReadInt8(), Is.EqualTo(-5));
                Assert.That(reader.ReadUInt16(), Is.EqualTo(65535));
                Assert.That(reader.ReadInt32(), Is.EqualTo(int.MinValue));
                Assert.That(reader.ReadUInt32(), Is.EqualTo(uint.MaxValue));
                Assert.That(reader.ReadInt64(), Is.EqualTo(long.MinValue));
                Assert.That(reader.ReadUInt64(), Is.EqualTo(ulong.MaxValue));
                Assert.That(reader.ReadFloat32(), Is.EqualTo(1.5f));
                Assert.That(reader.ReadString(), Is.EqualTo("héllo"));
                Assert.That(reader.ReadWString(), Is.EqualTo("wide"));
                var values = new double[reader.ReadSequenceLength(8)];
                reader.ReadArray<double>(values);
                Assert.That(values, Is.EqualTo(new[] { 1.0, -2.0, 3.5 }));
                Assert.That(reader.Remaining, Is.Zero);
            }
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Test]
    public void ReadsBigEndianPayloadsAndIgnoresOptionsAndTrailingPadding()
    {
        byte[] payload = [0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x07, 0x00, 0x02, 0x00, 0x03, 0xAA, 0xBB];
        var reader = new CdrReader(payload);
        var pair = new short[2];
        Assert.That(reader.ReadInt32(), Is.EqualTo(7));
        reader.ReadArray<short>(pair);
        Assert.That(pair, Is.EqualTo(new short[] { 2, 3 }));
    }

    [TestCase("00010000" + "05000000" + "6869", "exceeds the 2 bytes left")]
    [TestCase("00010000" + "0500", "truncated")]
    [TestCase("00010000" + "00000080", "sequence count 2147483648")]
    [TestCase("00010000" + "03000000" + "FFFE00", "UTF-8")]
    [TestCase("00010000" + "03000000" + "686969", "NUL")]
    [TestCase("00010000" + "02", "bool byte")]
    [TestCase("0001", "shorter")]
    [TestCase("00020000", "not plain CDR")]
    public void MalformedInputThrowsTypedErrors(string hex, string fragment)
    {
        var bytes = Convert.FromHexString(hex);
        var e = Assert.Throws<CdrException>(() =>
        {
            var reader = new CdrReader(bytes);
            if (fragment == "bool byte")
            {
                reader.ReadBool();
            }
            else if (fragment.StartsWith("sequence", StringComparison.Ordinal))
            {
                reader.ReadSequenceLength(1);
            }
            else
            {
                reader.ReadString();
            }
        });
        Assert.That(e!.Message, Does.Contain(fragment));
    }

    [Test]
    public void BoundsAreEnforcedOnWriteAndRead()
    {
        var writer = new CdrWriter(32);
        try
        {
            try
            {
                writer.WriteString("abcd", 3);
                Assert.Fail("bound not enforced");
            }
            catch (CdrException)
            {
            }

            writer.WriteString("abcd");
            writer.WriteSequenceLength(5);
            var bytes = writer.ToArray();
            Assert.Throws<CdrException>(() => new CdrReader(bytes).ReadString(3));
            Assert.Throws<CdrException>(() =>
            {
                var r = new CdrReader(bytes);
                r.ReadString();
                r.ReadSequenceLength(0, 4);
            });
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Test]
    public void String_bounds_count_utf8_bytes_on_write_as_on_read()
    {
        // "éé" is 2 characters but 4 UTF-8 bytes: a bound of 3 must refuse it on both sides, and
        // whatever the writer accepts, the reader must accept with the same bound.
        var writer = new CdrWriter(32);
        try
        {
            Assert.That(Throws(ref writer, "éé", 3), Is.True, "writer must count bytes");
            writer.WriteString("éé", 4);
            writer.WriteString("plain ascii", 11);
            var bytes = writer.ToArray();
            var reader = new CdrReader(bytes);
            Assert.That(reader.ReadString(4), Is.EqualTo("éé"));
            Assert.That(reader.ReadString(11), Is.EqualTo("plain ascii"));
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static bool Throws(ref CdrWriter writer, string value, int bound)
    {
        try
        {
            writer.WriteString(value, bound);
            return false;
        }
        catch (CdrException)
        {
            return true;
        }
    }

    [Test]
    public void FixedDestinationThatIsTooSmallThrows()
    {
        var buffer = new byte[6];
        Assert.Throws<CdrException>(() =>
        {
            var writer = new CdrWriter(buffer);
            writer.WriteInt32(1);
        });
    }

    [Test]
    public void PrimitiveReadsAndBulkReadsDoNotAllocate()
    {
        var writer = new CdrWriter(4096);
        byte[] bytes;
        try
        {
            for (var i = 0; i < 100; i++)
            {
                writer.WriteInt32(i);
                writer.WriteFloat64(i);
            }

            writer.WriteStringBytes("frame"u8);
            bytes = writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }

        var target = new double[10];
        Read(bytes, target);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Read(bytes, target);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
        Assert.That(sum, Is.EqualTo(Enumerable.Range(0, 100).Sum(i => 2.0 * i) + 5));

        static double Read(byte[] bytes, double[] target)
        {
            var reader = new CdrReader(bytes);
            double sum = 0;
            for (var i = 0; i < 100; i++)
            {
                sum += reader.ReadInt32();
                sum += reader.ReadFloat64();
            }

            sum += reader.ReadStringBytes().Length;
            var again = new CdrReader(bytes);
            again.ReadInt32();
            again.ReadArray<double>(target.AsSpan(0, 1));
            return sum;
        }
    }
}
