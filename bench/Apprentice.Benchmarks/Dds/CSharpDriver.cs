using System.Diagnostics;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Benchmarks.Dds;

/// <summary>
/// The Apprentice side of the echo benchmark: a <see cref="DdsNode"/> with typed publishers and
/// reused-instance subscriptions, driving the C echo peer exactly like native/driver.c does. The
/// next message is sent from the subscription handler, so each round trip crosses the same
/// threads as the C driver's (Cyclone's receive thread, then one waitset thread).
/// </summary>
internal static class CSharpDriver
{
    // Same QoS as the C peer and driver: reliable, keep-last 100.
    private static readonly QosProfile Qos = QosProfiles.Default with { Depth = 100 };

    public static double[] Latency(uint domain, string config, string ping, string pong, int warm, int count)
    {
        using var node = new DdsNode(new DdsNodeOptions { NodeName = "bench_latency", DomainId = domain, CycloneConfig = config }, TimeProvider.System, Serilog.Core.Logger.None);
        using var pub = node.CreatePublisher<JointState>(ping, Qos);
        var message = new JointState { Header = { FrameId = "bench" } };
        var rtt = new double[count];
        var i = 0;
        long t0 = 0;
        using var done = new ManualResetEventSlim();
        using var sub = node.CreateSubscription<JointState>(pong, Qos, (_, _) =>
        {
            var elapsed = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            if (i >= warm)
            {
                rtt[i - warm] = elapsed;
            }

            if (++i == warm + count)
            {
                done.Set();
                return;
            }

            message.Header.Stamp.Sec = i;
            t0 = Stopwatch.GetTimestamp();
            pub.Publish(message);
        });
        WaitMatched(() => pub.MatchedSubscriptionCount > 0 && sub.MatchedPublisherCount > 0);
        t0 = Stopwatch.GetTimestamp();
        pub.Publish(message);
        if (!done.Wait(TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException($"latency run stalled after {i} round trips");
        }

        return rtt;
    }

    public static double[] Throughput(uint domain, string config, string ping, string pong, int warm, int rounds, int perRound, int window, int bytes)
    {
        using var node = new DdsNode(new DdsNodeOptions { NodeName = "bench_throughput", DomainId = domain, CycloneConfig = config }, TimeProvider.System, Serilog.Core.Logger.None);
        using var pub = node.CreatePublisher<Image>(ping, Qos, initialBufferBytes: bytes + 1024);
        var data = new byte[bytes];
        Array.Fill(data, (byte)7);
        var image = new Image { Header = { FrameId = "camera" }, Encoding = "mono8", Width = 1024, Height = (uint)(bytes / 1024), Step = 1024, Data = data };
        var total = warm + (rounds * perRound);
        var seconds = new List<double>();
        int sent = 0, received = 0;
        long roundStart = 0;
        using var done = new ManualResetEventSlim();
        void Fill()
        {
            while (sent < total && sent - received < window)
            {
                image.Header.Stamp.Sec = sent++;
                pub.Publish(image);
            }
        }

        var gate = new Lock();
        using var sub = node.CreateSubscription<Image>(pong, Qos, (_, _) =>
        {
            using var held = gate.EnterScope();
            received++;
            if (received == warm)
            {
                roundStart = Stopwatch.GetTimestamp();
            }
            else if (received > warm && (received - warm) % perRound == 0)
            {
                seconds.Add(Stopwatch.GetElapsedTime(roundStart).TotalSeconds);
                roundStart = Stopwatch.GetTimestamp();
            }

            if (received == total)
            {
                done.Set();
            }
            else
            {
                Fill();
            }
        });
        WaitMatched(() => pub.MatchedSubscriptionCount > 0 && sub.MatchedPublisherCount > 0);
        lock (gate)
        {
            Fill();
        }

        if (!done.Wait(TimeSpan.FromSeconds(300)))
        {
            throw new TimeoutException($"throughput run stalled after {received} echoes");
        }

        return [.. seconds];
    }

    private static void WaitMatched(Func<bool> matched)
    {
        var sw = Stopwatch.StartNew();
        while (!matched())
        {
            if (sw.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("the C echo peer never matched");
            }

            Thread.Sleep(20);
        }
    }
}
