namespace Apprentice.Dds.Tests.Interop;

// Test-only models of the ROS messages exchanged with the C peer, with hand-written CDR.

internal sealed record Time(int Sec, uint Nanosec)
{
    public void Write(CdrWriter w) => w.I32(Sec).U32(Nanosec);

    public static Time Read(CdrReader r) => new(r.I32(), r.U32());
}

internal sealed record Header(Time Stamp, string FrameId)
{
    public void Write(CdrWriter w)
    {
        Stamp.Write(w);
        w.Str(FrameId);
    }

    public static Header Read(CdrReader r) => new(Time.Read(r), r.Str());
}

internal sealed record JointState(Header Header, string[] Name, double[] Position, double[] Velocity, double[] Effort)
{
    public byte[] Encode()
    {
        var w = new CdrWriter();
        Header.Write(w);
        w.Seq(Name, (x, s) => x.Str(s)).Seq(Position, (x, v) => x.F64(v)).Seq(Velocity, (x, v) => x.F64(v)).Seq(Effort, (x, v) => x.F64(v));
        return w.ToArray();
    }

    public static JointState Decode(byte[] b)
    {
        var r = new CdrReader(b);
        return new(Header.Read(r), r.Seq(x => x.Str()), r.Seq(x => x.F64()), r.Seq(x => x.F64()), r.Seq(x => x.F64()));
    }
}

internal sealed record Image(Header Header, uint Height, uint Width, string Encoding, byte IsBigendian, uint Step, byte[] Data)
{
    public byte[] Encode()
    {
        var w = new CdrWriter();
        Header.Write(w);
        w.U32(Height).U32(Width).Str(Encoding).U8(IsBigendian).U32(Step).Bytes(Data);
        return w.ToArray();
    }

    public static Image Decode(byte[] b)
    {
        var r = new CdrReader(b);
        return new(Header.Read(r), r.U32(), r.U32(), r.Str(), r.U8(), r.U32(), r.Bytes());
    }
}

internal sealed record LaserScan(Header Header, float AngleMin, float AngleMax, float AngleIncrement, float TimeIncrement, float ScanTime, float RangeMin, float RangeMax, float[] Ranges, float[] Intensities)
{
    public byte[] Encode()
    {
        var w = new CdrWriter();
        Header.Write(w);
        w.F32(AngleMin).F32(AngleMax).F32(AngleIncrement).F32(TimeIncrement).F32(ScanTime).F32(RangeMin).F32(RangeMax)
            .Seq(Ranges, (x, v) => x.F32(v)).Seq(Intensities, (x, v) => x.F32(v));
        return w.ToArray();
    }

    public static LaserScan Decode(byte[] b)
    {
        var r = new CdrReader(b);
        return new(Header.Read(r), r.F32(), r.F32(), r.F32(), r.F32(), r.F32(), r.F32(), r.F32(), r.Seq(x => x.F32()), r.Seq(x => x.F32()));
    }
}

internal sealed record TrajectoryPoint(double[] Positions, double[] Velocities, double[] Accelerations, double[] Effort, Time TimeFromStart);

internal sealed record JointTrajectory(Header Header, string[] JointNames, TrajectoryPoint[] Points)
{
    public byte[] Encode()
    {
        var w = new CdrWriter();
        Header.Write(w);
        w.Seq(JointNames, (x, s) => x.Str(s));
        w.Seq(Points, (x, p) =>
        {
            x.Seq(p.Positions, (y, v) => y.F64(v)).Seq(p.Velocities, (y, v) => y.F64(v)).Seq(p.Accelerations, (y, v) => y.F64(v)).Seq(p.Effort, (y, v) => y.F64(v));
            p.TimeFromStart.Write(x);
        });
        return w.ToArray();
    }

    public static JointTrajectory Decode(byte[] b)
    {
        var r = new CdrReader(b);
        return new(Header.Read(r), r.Seq(x => x.Str()), r.Seq(x => new TrajectoryPoint(x.Seq(y => y.F64()), x.Seq(y => y.F64()), x.Seq(y => y.F64()), x.Seq(y => y.F64()), Time.Read(x))));
    }
}
