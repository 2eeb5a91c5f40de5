using Apprentice.Core.Observations;

namespace Apprentice.Core.Tests.Observations;

public sealed class TripleBufferTests
{
    private sealed class Pair
    {
        public long A;
        public long B;
    }

    [Test]
    public void Reader_gets_the_newest_published_slot_and_keeps_it_until_something_newer_arrives()
    {
        var buffer = new TripleBuffer<Pair>(() => new Pair());
        buffer.Back.A = 1;
        buffer.Publish();
        buffer.Back.A = 2;
        buffer.Publish();

        Assert.That(buffer.AcquireLatest().A, Is.EqualTo(2));
        Assert.That(buffer.AcquireLatest().A, Is.EqualTo(2));
        buffer.Back.A = 3;
        buffer.Publish();
        Assert.That(buffer.AcquireLatest().A, Is.EqualTo(3));
    }

    [Test]
    public void Concurrent_writer_never_tears_a_slot_and_reader_sees_non_decreasing_values()
    {
        var buffer = new TripleBuffer<Pair>(() => new Pair());
        const long Count = 300_000;
        var writer = new Thread(() =>
        {
            for (long i = 1; i <= Count; i++)
            {
                var slot = buffer.Back;
                slot.A = i;
                slot.B = -i;
                buffer.Publish();
            }
        });
        writer.Start();
        long last = 0;
        var torn = 0;
        var decreasing = 0;
        while (last < Count)
        {
            var slot = buffer.AcquireLatest();
            if (slot.A != -slot.B)
            {
                torn++;
            }

            if (slot.A < last)
            {
                decreasing++;
            }

            last = slot.A;
        }

        writer.Join();
        Assert.That(torn, Is.Zero);
        Assert.That(decreasing, Is.Zero);
    }
}
