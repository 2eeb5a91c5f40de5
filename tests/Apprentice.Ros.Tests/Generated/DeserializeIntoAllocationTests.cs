using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.SensorMsgs;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>The hot-path contract: decoding same-shaped messages into one instance, and encoding into a caller's buffer, allocate nothing.</summary>
public sealed class DeserializeIntoAllocationTests
{
    // Enough calls for tiered compilation to settle: the runtime's tier-up bookkeeping can be
    // charged to the calling thread during the first few dozen calls.
    private const int WarmUp = 200;

    [Test]
    public void DecodingA1MiBImageIntoTheSameInstanceAllocatesNothingAfterWarmUp()
    {
        var frames = new[] { RosMessageCodec.Encode(Samples.Image(512, 512, seed: 1)), RosMessageCodec.Encode(Samples.Image(512, 512, seed: 2)) };
        var target = new Image();
        for (var i = 0; i < WarmUp; i++)
        {
            RosMessageCodec.DecodeInto(frames[i % 2], target);
        }

        var data = target.Data;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            RosMessageCodec.DecodeInto(frames[i % 2], target);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(target.Data, Is.SameAs(data));
            Assert.That(target.Data.AsSpan().SequenceEqual(Samples.Image(512, 512, seed: 2).Data), Is.True, "the last frame's pixels");
            Assert.That(target.Encoding, Is.EqualTo("rgba8"));
        });
    }

    [Test]
    public void DecodingJointStatesIntoTheSameInstanceAllocatesNothingAfterWarmUp()
    {
        var message = Samples.JointState(7);
        var first = RosMessageCodec.Encode(message);
        message.Position[3] = 9.5;
        var second = RosMessageCodec.Encode(message);
        var target = new JointState();
        RosMessageCodec.DecodeInto(first, target);

        for (var i = 0; i < WarmUp; i++)
        {
            RosMessageCodec.DecodeInto(i % 2 == 0 ? second : first, target);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            RosMessageCodec.DecodeInto(i % 2 == 0 ? second : first, target);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(target.Position[3], Is.EqualTo(Samples.JointState(7).Position[3]), "the last decoded (first) payload's value");
        });
    }

    [Test]
    public void ChangedStringsAndLengthsAreDecodedNotReused()
    {
        var target = new JointState();
        RosMessageCodec.DecodeInto(RosMessageCodec.Encode(Samples.JointState(7)), target);
        var renamed = Samples.JointState(6);
        renamed.Name[0] = "jöint_1";
        renamed.Header.FrameId = "base";
        RosMessageCodec.DecodeInto(RosMessageCodec.Encode(renamed), target);
        Assert.Multiple(() =>
        {
            Assert.That(target.Name, Is.EqualTo(renamed.Name));
            Assert.That(target.Position, Has.Length.EqualTo(6));
            Assert.That(target.Header.FrameId, Is.EqualTo("base"));
        });
    }

    [Test]
    public void UnchangedStringsKeepTheirInstanceAsciiOrNot()
    {
        var message = Samples.JointState(2);
        message.Header.FrameId = "kamera_ü";
        var payload = RosMessageCodec.Encode(message);
        var target = new JointState();
        RosMessageCodec.DecodeInto(payload, target);
        var frame = target.Header.FrameId;
        var name = target.Name[1];
        RosMessageCodec.DecodeInto(payload, target);
        Assert.Multiple(() =>
        {
            Assert.That(target.Header.FrameId, Is.SameAs(frame).And.EqualTo("kamera_ü"));
            Assert.That(target.Name[1], Is.SameAs(name).And.EqualTo("joint_2"));
        });
    }

    [Test]
    public void EncodingIntoACallersBufferAllocatesNothing()
    {
        var image = Samples.Image(512, 512, seed: 1);
        var scan = Samples.LaserScan(1080);
        var buffer = new byte[RosMessageCodec.GetEncodedSize(image)];
        for (var i = 0; i < WarmUp; i++)
        {
            RosMessageCodec.Encode(image, buffer);
            RosMessageCodec.Encode(scan, buffer);
            RosMessageCodec.GetEncodedSize(scan);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 10; i++)
        {
            total += RosMessageCodec.Encode(image, buffer) + RosMessageCodec.Encode(scan, buffer) + RosMessageCodec.GetEncodedSize(scan);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(total, Is.GreaterThan(10 * (1 << 20)));
        });
    }
}
