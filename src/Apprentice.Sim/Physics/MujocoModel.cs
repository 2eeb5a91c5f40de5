using System.Runtime.InteropServices;
using System.Text;
using Apprentice.Sim.Interop;

namespace Apprentice.Sim.Physics;

/// <summary>
/// One MuJoCo model and its data (state), through the Apprentice shim: load, reset, step, state vectors, names,
/// positions, contacts, ray casts and offscreen rendering. Vector accessors copy into caller spans and allocate
/// nothing. Not thread-safe: one thread steps and reads it.
/// </summary>
public sealed unsafe class MujocoModel : IDisposable
{
    private const int ErrorLength = 1000;
    private readonly SimHandle _handle;
    private readonly ApxDims _dims;
    private int _renderWidth;
    private int _renderHeight;

    private MujocoModel(SimHandle handle)
    {
        _handle = handle;
        Check(MujocoNative.GetDims(handle, out _dims), "get_dims");
    }

    /// <summary>Generalised position count.</summary>
    public int Nq => _dims.Nq;

    /// <summary>Degrees of freedom.</summary>
    public int Nv => _dims.Nv;

    /// <summary>Actuator count.</summary>
    public int Nu => _dims.Nu;

    /// <summary>Geom count.</summary>
    public int GeomCount => _dims.NGeom;

    /// <summary>Mocap body count.</summary>
    public int MocapCount => _dims.NMocap;

    /// <summary>Physics time step.</summary>
    public TimeSpan Timestep => TimeSpan.FromSeconds(_dims.Timestep);

    /// <summary>Physics time step [s].</summary>
    public double TimestepSec => _dims.Timestep;

    /// <summary>Simulated time since the last reset [s].</summary>
    public double TimeSec => MujocoNative.Time(_handle);

    /// <summary>The MuJoCo version string, e.g. "2.2.2".</summary>
    /// <exception cref="MujocoUnavailableException">The shim or libmujoco cannot be loaded.</exception>
    public static string Version()
    {
        try
        {
            return Marshal.PtrToStringUTF8((nint)MujocoNative.Version()) ?? "?";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Loads an MJCF file.</summary>
    /// <exception cref="SceneLoadException">The file is missing or MuJoCo rejects it (MuJoCo's message included).</exception>
    /// <exception cref="MujocoUnavailableException">The shim or libmujoco cannot be loaded.</exception>
    public static MujocoModel LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SceneLoadException($"Scene file '{path}' does not exist; the reach scene lives in config/sim/reach.xml of the repository.");
        }

        var full = Path.GetFullPath(path);
        return Load(error => MujocoNative.LoadXmlFile(full, (byte*)error, ErrorLength), $"scene file '{path}'");
    }

    /// <summary>Loads an MJCF document from a string (include paths resolve nowhere).</summary>
    /// <exception cref="SceneLoadException">MuJoCo rejects the document (its message included).</exception>
    /// <exception cref="MujocoUnavailableException">The shim or libmujoco cannot be loaded.</exception>
    public static MujocoModel LoadXml(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Load(error => MujocoNative.LoadXmlString(xml, (byte*)error, ErrorLength), "MJCF text");
    }

    private static MujocoModel Load(Func<nint, SimHandle> load, string what)
    {
        var error = stackalloc byte[ErrorLength];
        SimHandle handle;
        try
        {
            handle = load((nint)error);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw Unavailable(e);
        }

        if (handle.IsInvalid)
        {
            handle.Dispose();
            var text = Marshal.PtrToStringUTF8((nint)error) ?? string.Empty;
            throw new SceneLoadException($"MuJoCo could not load the {what}: {text.Trim()}");
        }

        return new MujocoModel(handle);
    }

    private static MujocoUnavailableException Unavailable(Exception e) => new(
        "The MuJoCo shim (libapprentice_mujoco_shim.so) or libmujoco.so.2.2.2 could not be loaded: install libmujoco-dev and libegl-dev " +
        "(apt-get install -y libmujoco-dev libegl-dev) and rebuild Apprentice.Sim so native/mujoco_shim is compiled. " + e.Message, e);

    /// <summary>Resets the state to the model's defaults (qpos0, zero velocity, time 0).</summary>
    public void Reset() => Check(MujocoNative.Reset(_handle), "reset");

    /// <summary>Recomputes positions, contacts and derived quantities for the current state without advancing time.</summary>
    public void Forward() => Check(MujocoNative.Forward(_handle), "forward");

    /// <summary>
    /// Advances <paramref name="steps"/> physics steps. With <paramref name="compensateBias"/>, gravity and Coriolis
    /// torques are cancelled (as a real arm's controller does). <paramref name="feedforward"/> (nv) is added torque;
    /// <paramref name="ctrlRate"/> (nu) advances the actuator targets per second (forward velocity control). Allocation-free.
    /// </summary>
    public void Step(int steps, bool compensateBias, ReadOnlySpan<double> feedforward = default, ReadOnlySpan<double> ctrlRate = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if ((!feedforward.IsEmpty && feedforward.Length != Nv) || (!ctrlRate.IsEmpty && ctrlRate.Length != Nu))
        {
            throw new ArgumentException($"feedforward needs {Nv} values and ctrlRate {Nu}");
        }

        fixed (double* ff = feedforward)
        fixed (double* rate = ctrlRate)
        {
            Check(MujocoNative.Step(_handle, steps, compensateBias ? 1 : 0, feedforward.IsEmpty ? null : ff, ctrlRate.IsEmpty ? null : rate), "step");
        }
    }

    /// <summary>Copies qpos (length <see cref="Nq"/>).</summary>
    public void GetQpos(Span<double> into) => Get(MujocoNative.VecQpos, into);

    /// <summary>Sets qpos (length <see cref="Nq"/>); call <see cref="Forward"/> before reading positions.</summary>
    public void SetQpos(ReadOnlySpan<double> values) => Set(MujocoNative.VecQpos, values);

    /// <summary>Copies qvel (length <see cref="Nv"/>).</summary>
    public void GetQvel(Span<double> into) => Get(MujocoNative.VecQvel, into);

    /// <summary>Sets qvel (length <see cref="Nv"/>).</summary>
    public void SetQvel(ReadOnlySpan<double> values) => Set(MujocoNative.VecQvel, values);

    /// <summary>Copies the actuator controls (length <see cref="Nu"/>).</summary>
    public void GetCtrl(Span<double> into) => Get(MujocoNative.VecCtrl, into);

    /// <summary>Sets the actuator controls (length <see cref="Nu"/>).</summary>
    public void SetCtrl(ReadOnlySpan<double> values) => Set(MujocoNative.VecCtrl, values);

    /// <summary>Copies the model's joint damping per degree of freedom [N·m·s/rad] (length <see cref="Nv"/>).</summary>
    public void GetDofDamping(Span<double> into) => Get(MujocoNative.VecDofDamping, into);

    /// <summary>Id of a named body, or -1.</summary>
    public int BodyId(string name) => MujocoNative.NameToId(_handle, MujocoNative.ObjBody, name);

    /// <summary>Id of a named geom, or -1.</summary>
    public int GeomId(string name) => MujocoNative.NameToId(_handle, MujocoNative.ObjGeom, name);

    /// <summary>Id of a named site, or -1.</summary>
    public int SiteId(string name) => MujocoNative.NameToId(_handle, MujocoNative.ObjSite, name);

    /// <summary>Id of a named joint, or -1.</summary>
    public int JointId(string name) => MujocoNative.NameToId(_handle, MujocoNative.ObjJoint, name);

    /// <summary>Id of a named camera, or -1.</summary>
    public int CameraId(string name) => MujocoNative.NameToId(_handle, MujocoNative.ObjCamera, name);

    /// <summary>Id of a named actuator, or -1.</summary>
    public int ActuatorId(string name) => MujocoNative.NameToId(_handle, MujocoNative.ObjActuator, name);

    /// <summary>Body owning geom <paramref name="geom"/>.</summary>
    public int GeomBody(int geom) => Check(MujocoNative.GeomBody(_handle, geom), "geom_body");

    /// <summary>World position of body <paramref name="id"/> [m] at the last step/forward.</summary>
    public (double X, double Y, double Z) BodyPosition(int id) => Position(0, id);

    /// <summary>World position of geom <paramref name="id"/> [m].</summary>
    public (double X, double Y, double Z) GeomPosition(int id) => Position(1, id);

    /// <summary>World position of site <paramref name="id"/> [m].</summary>
    public (double X, double Y, double Z) SitePosition(int id) => Position(2, id);

    /// <summary>Moves mocap body <paramref name="body"/> (a body id) to a world position [m]; takes effect at the next step/forward.</summary>
    public void SetMocapPosition(int body, double x, double y, double z)
    {
        var p = stackalloc double[3] { x, y, z };
        if (MujocoNative.SetMocapPos(_handle, body, p) < 0)
        {
            throw new ArgumentException($"body {body} is not a mocap body", nameof(body));
        }
    }

    /// <summary>Number of contacts at the last step/forward.</summary>
    public int ContactCount => MujocoNative.ContactCount(_handle);

    /// <summary>Copies up to <c>into.Length</c> contacts; returns how many. Allocation-free.</summary>
    public int GetContacts(Span<Contact> into)
    {
        var buffer = stackalloc ApxContact[Math.Min(into.Length, 256)];
        var n = Check(MujocoNative.Contacts(_handle, buffer, Math.Min(into.Length, 256)), "contacts");
        for (var i = 0; i < n; i++)
        {
            into[i] = new Contact(buffer[i].Geom1, buffer[i].Geom2, buffer[i].Dist);
        }

        return n;
    }

    /// <summary>Casts a ray from a point along a unit direction against geoms in the groups of <paramref name="groupMask"/>; distance [m] or -1.</summary>
    public double Ray((double X, double Y, double Z) point, (double X, double Y, double Z) direction, int groupMask, out int geom)
    {
        var p = stackalloc double[3] { point.X, point.Y, point.Z };
        var v = stackalloc double[3] { direction.X, direction.Y, direction.Z };
        return MujocoNative.Ray(_handle, p, v, groupMask, -1, out geom);
    }

    /// <summary>
    /// A horizontal fan of rays from <paramref name="origin"/> (angles about +z from +x, rad); misses and hits beyond
    /// <paramref name="rangeMaxM"/> read +∞. Allocation-free.
    /// </summary>
    public void RayFan((double X, double Y, double Z) origin, double angleMinRad, double angleIncrementRad, double rangeMaxM, int groupMask, Span<float> ranges)
    {
        var o = stackalloc double[3] { origin.X, origin.Y, origin.Z };
        fixed (float* r = ranges)
        {
            Check(MujocoNative.RayFan(_handle, o, angleMinRad, angleIncrementRad, ranges.Length, rangeMaxM, groupMask, r), "ray_fan");
        }
    }

    /// <summary>Sets up offscreen rendering (EGL) at <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    /// <exception cref="RenderUnavailableException">No EGL display/context, or MuJoCo could not create its framebuffer.</exception>
    public void EnableRendering(int width, int height)
    {
        var error = stackalloc byte[ErrorLength];
        if (MujocoNative.RenderInit(_handle, width, height, error, ErrorLength) != 0)
        {
            throw new RenderUnavailableException(
                $"Offscreen rendering through EGL failed: {Marshal.PtrToStringUTF8((nint)error)}. Install libegl1, libegl-mesa0 and libgl1-mesa-dri (Mesa llvmpipe renders on the CPU).");
        }

        (_renderWidth, _renderHeight) = (width, height);
    }

    /// <summary>Whether <see cref="EnableRendering"/> succeeded.</summary>
    public bool CanRender => _renderWidth > 0;

    /// <summary>Renders fixed camera <paramref name="camera"/> into <paramref name="rgb"/> (width·height·3 bytes, top row first).</summary>
    public void Render(int camera, Span<byte> rgb)
    {
        if (!CanRender)
        {
            throw new InvalidOperationException("call EnableRendering first");
        }

        fixed (byte* p = rgb)
        {
            if (MujocoNative.Render(_handle, camera, p, rgb.Length) < 0)
            {
                throw new ArgumentException($"render failed: the buffer needs {_renderWidth * _renderHeight * 3} bytes and camera {camera} must exist", nameof(rgb));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    private (double, double, double) Position(int kind, int id)
    {
        var p = stackalloc double[3];
        if (MujocoNative.Position(_handle, kind, id, p) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "no such body, geom or site");
        }
        return (p[0], p[1], p[2]);
    }

    private void Get(int which, Span<double> into)
    {
        fixed (double* p = into)
        {
            Check(MujocoNative.Get(_handle, which, p, into.Length), "get state vector (wrong length?)");
        }
    }

    private void Set(int which, ReadOnlySpan<double> values)
    {
        fixed (double* p = values)
        {
            Check(MujocoNative.Set(_handle, which, p, values.Length), "set state vector (wrong length?)");
        }
    }

    private static int Check(int rc, string what) =>
        rc < 0 ? throw new ArgumentException($"MuJoCo shim call '{what}' failed with code {rc}") : rc;
}
