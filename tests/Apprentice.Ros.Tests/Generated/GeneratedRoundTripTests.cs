using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Apprentice.Ros.Msgs.LifecycleMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Msgs.TrajectoryMsgs;

namespace Apprentice.Ros.Tests.Generated;

public sealed class GeneratedRoundTripTests
{
    [Test]
    public void JointStateEncodesToTheHandComputedXcdr1Bytes()
    {
        var message = new JointState
        {
            Header = new Header { Stamp = new Time { Sec = 1, Nanosec = 2 }, FrameId = "a" },
            Name = new[] { "j" },
            Position = new[] { 1.0 },
        };

        // header | sec | nanosec | "a" | pad | name count | "j" | pad | position count | 1.0 (8-aligned) | velocity, effort counts
        const string expected = "00010000" + "01000000" + "02000000" + "02000000" + "6100" + "0000" + "01000000" + "02000000" + "6A00" +
                                "0000" + "01000000" + "000000000000F03F" + "00000000" + "00000000";
        Assert.That(Convert.ToHexString(RosMessageCodec.Encode(message)), Is.EqualTo(expected));
    }

    [Test]
    public void JointStateRoundTripsSevenJoints()
    {
        var message = Samples.JointState(7);
        var decoded = RoundTrip(message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Name, Is.EqualTo(message.Name));
            Assert.That(decoded.Position, Is.EqualTo(message.Position));
            Assert.That(decoded.Velocity, Is.EqualTo(message.Velocity));
            Assert.That(decoded.Effort, Is.EqualTo(message.Effort));
            Assert.That(decoded.Header.FrameId, Is.EqualTo("base_link"));
            Assert.That(decoded.Header.Stamp.Nanosec, Is.EqualTo(message.Header.Stamp.Nanosec));
        });
    }

    [Test]
    public void ImageRoundTripsOneMebibyte()
    {
        var message = Samples.Image(512, 512, seed: 3);
        var decoded = RoundTrip(message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Data, Has.Length.EqualTo(1 << 20));
            Assert.That(decoded.Data.AsSpan().SequenceEqual(message.Data), Is.True);
            Assert.That(decoded.Encoding, Is.EqualTo("rgba8"));
            Assert.That((decoded.Width, decoded.Height, decoded.Step), Is.EqualTo((512u, 512u, 2048u)));
        });
    }

    [Test]
    public void LaserScanRoundTrips1080Points()
    {
        var message = Samples.LaserScan(1080);
        var decoded = RoundTrip(message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Ranges, Is.EqualTo(message.Ranges));
            Assert.That(decoded.Intensities, Is.EqualTo(message.Intensities));
            Assert.That(decoded.AngleIncrement, Is.EqualTo(message.AngleIncrement));
            Assert.That(decoded.RangeMax, Is.EqualTo(30f));
        });
    }

    [Test]
    public void PointCloud2RoundTripsFieldsAndData()
    {
        var message = new PointCloud2
        {
            Height = 1,
            Width = 100,
            Fields = new[]
            {
                new PointField { Name = "x", Offset = 0, Datatype = PointField.FLOAT32, Count = 1 },
                new PointField { Name = "y", Offset = 4, Datatype = PointField.FLOAT32, Count = 1 },
                new PointField { Name = "z", Offset = 8, Datatype = PointField.FLOAT32, Count = 1 },
            },
            PointStep = 12,
            RowStep = 1200,
            Data = Enumerable.Range(0, 1200).Select(i => (byte)(i * 7)).ToArray(),
            IsDense = true,
        };
        var decoded = RoundTrip(message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Fields.Select(f => (f.Name, f.Offset, f.Datatype)), Is.EqualTo(message.Fields.Select(f => (f.Name, f.Offset, f.Datatype))));
            Assert.That(decoded.Data, Is.EqualTo(message.Data));
            Assert.That(decoded.IsDense, Is.True);
            Assert.That(decoded.IsBigendian, Is.False);
        });
    }

    [Test]
    public void JointTrajectoryRoundTripsPoints()
    {
        var message = new JointTrajectory
        {
            JointNames = new[] { "shoulder", "elbow" },
            Points = Enumerable.Range(1, 3).Select(i => new JointTrajectoryPoint
            {
                Positions = new[] { i * 0.1, -i * 0.2 },
                Velocities = new[] { 0.5, 0.25 },
                TimeFromStart = new Duration { Sec = i, Nanosec = 500_000_000 },
            }).ToArray(),
        };
        var decoded = RoundTrip(message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.JointNames, Is.EqualTo(message.JointNames));
            Assert.That(decoded.Points, Has.Length.EqualTo(3));
            Assert.That(decoded.Points[2].Positions, Is.EqualTo(new[] { 0.3, -0.6 }).Within(1e-12));
            Assert.That(decoded.Points[2].Accelerations, Is.Empty);
            Assert.That(decoded.Points[1].TimeFromStart.Sec, Is.EqualTo(2));
        });
    }

    [Test]
    public void PolicyStatusRoundTripsWithConstants()
    {
        var message = new PolicyStatus
        {
            Tick = 42,
            Outcome = PolicyStatus.OUTCOME_BUDGET_EXCEEDED,
            CommandSource = PolicyStatus.SOURCE_PLANNER,
            ExecutionProvider = "cuda",
            InferenceLatency = 0.0031,
            PolicyAuthority = 0.25,
            AuthorityReasons = new[] { "ood score 3.1", "near joint limit" },
            Intervention = true,
            DeadlineMisses = ulong.MaxValue,
        };
        var decoded = RoundTrip(message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Outcome, Is.EqualTo(PolicyStatus.OUTCOME_BUDGET_EXCEEDED));
            Assert.That(decoded.CommandSource, Is.EqualTo((byte)2));
            Assert.That(decoded.ExecutionProvider, Is.EqualTo("cuda"));
            Assert.That(decoded.InferenceLatency, Is.EqualTo(0.0031));
            Assert.That(decoded.AuthorityReasons, Is.EqualTo(message.AuthorityReasons));
            Assert.That(decoded.Intervention, Is.True);
            Assert.That(decoded.DeadlineMisses, Is.EqualTo(ulong.MaxValue));
            Assert.That(PolicyStatus.RosTypeName, Is.EqualTo("apprentice/msg/PolicyStatus"));
            Assert.That(PolicyStatus.DdsTypeName, Is.EqualTo("apprentice::msg::dds_::PolicyStatus_"));
        });
    }

    [Test]
    public void DiagnosticArrayRoundTripsNestedStatusesAndKeyValues()
    {
        var message = new DiagnosticArray
        {
            Status = new[]
            {
                new DiagnosticStatus
                {
                    Level = DiagnosticStatus.WARN, Name = "policy: latency", Message = "budget exceeded", HardwareId = "gpu0",
                    Values = new[] { new KeyValue { Key = "p99_ms", Value = "4.2" }, new KeyValue { Key = "grün", Value = "ü" } },
                },
                new DiagnosticStatus { Level = DiagnosticStatus.OK, Name = "safety" },
            },
        };
        var decoded = RoundTrip(message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Status, Has.Length.EqualTo(2));
            Assert.That(decoded.Status[0].Level, Is.EqualTo(DiagnosticStatus.WARN));
            Assert.That(decoded.Status[0].Values.Select(v => v.Key + "=" + v.Value), Is.EqualTo(new[] { "p99_ms=4.2", "grün=ü" }));
            Assert.That(decoded.Status[1].Values, Is.Empty);
            Assert.That(decoded.Status[1].Message, Is.Empty);
        });
    }

    [Test]
    public void LifecycleServiceHalvesRoundTripWithServiceDdsNames()
    {
        var request = new ChangeStateRequest { Transition = new Transition { Id = Transition.TRANSITION_ACTIVATE, Label = "activate" } };
        var response = new ChangeStateResponse { Success = true };
        var states = new GetAvailableStatesResponse
        {
            AvailableStates = new[] { new State { Id = State.PRIMARY_STATE_ACTIVE, Label = "active" } },
        };
        Assert.Multiple(() =>
        {
            Assert.That(RoundTrip(request).Transition.Label, Is.EqualTo("activate"));
            Assert.That(RoundTrip(request).Transition.Id, Is.EqualTo((byte)3));
            Assert.That(RoundTrip(response).Success, Is.True);
            Assert.That(RoundTrip(states).AvailableStates[0].Label, Is.EqualTo("active"));
            Assert.That(ChangeStateRequest.DdsTypeName, Is.EqualTo("lifecycle_msgs::srv::dds_::ChangeState_Request_"));
            Assert.That(ChangeStateResponse.DdsTypeName, Is.EqualTo("lifecycle_msgs::srv::dds_::ChangeState_Response_"));
            Assert.That(ChangeStateRequest.RosTypeName, Is.EqualTo("lifecycle_msgs/srv/ChangeState_Request"));
            Assert.That(ChangeStateService.RosTypeName, Is.EqualTo("lifecycle_msgs/srv/ChangeState"));
            Assert.That(GetStateRequest.DdsTypeName, Is.EqualTo("lifecycle_msgs::srv::dds_::GetState_Request_"));
        });
    }

    [Test]
    public void SizeComputationMatchesEncodedLength()
    {
        var message = Samples.JointState(7);
        var bytes = RosMessageCodec.Encode(message);
        var exact = new byte[RosMessageCodec.GetEncodedSize(message)];
        var written = RosMessageCodec.Encode(message, exact);
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(bytes.Length));
            Assert.That(exact, Is.EqualTo(bytes));
        });
    }

    [Test]
    public void BigEndianPayloadDecodesToTheSameValues()
    {
        // Time{sec=-2, nanosec=7} written big-endian by hand.
        var payload = Convert.FromHexString("00000000" + "FFFFFFFE" + "00000007");
        var time = RosMessageCodec.Decode<Time>(payload);
        Assert.That((time.Sec, time.Nanosec), Is.EqualTo((-2, 7u)));
    }

    private static T RoundTrip<T>(T message)
        where T : class, IRosMessage<T>, new()
    {
        var bytes = RosMessageCodec.Encode(message);
        var decoded = RosMessageCodec.Decode<T>(bytes);
        Assert.That(RosMessageCodec.Encode(decoded), Is.EqualTo(bytes), "re-encoding the decoded message gives the same bytes");
        return decoded;
    }
}
