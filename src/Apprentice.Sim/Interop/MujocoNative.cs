using System.Runtime.InteropServices;

namespace Apprentice.Sim.Interop;

/// <summary>P/Invoke into <c>libapprentice_mujoco_shim.so</c> (native/mujoco_shim/src/shim.h). All blittable.</summary>
internal static unsafe partial class MujocoNative
{
    internal const string Lib = "apprentice_mujoco_shim";

    internal const int ObjBody = 1;
    internal const int ObjJoint = 3;
    internal const int ObjGeom = 5;
    internal const int ObjSite = 6;
    internal const int ObjCamera = 7;
    internal const int ObjActuator = 19;

    internal const int VecQpos = 0;
    internal const int VecQvel = 1;
    internal const int VecCtrl = 2;
    internal const int VecQfrcApplied = 3;
    internal const int VecMocapPos = 4;
    internal const int VecDofDamping = 5;

    [LibraryImport(Lib, EntryPoint = "apx_mujoco_version")]
    internal static partial byte* Version();

    [LibraryImport(Lib, EntryPoint = "apx_load_xml_string", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SimHandle LoadXmlString(string xml, byte* error, int errorLength);

    [LibraryImport(Lib, EntryPoint = "apx_load_xml_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SimHandle LoadXmlFile(string path, byte* error, int errorLength);

    [LibraryImport(Lib, EntryPoint = "apx_free")]
    internal static partial void Free(nint sim);

    [LibraryImport(Lib, EntryPoint = "apx_get_dims")]
    internal static partial int GetDims(SimHandle sim, out ApxDims dims);

    [LibraryImport(Lib, EntryPoint = "apx_reset")]
    internal static partial int Reset(SimHandle sim);

    [LibraryImport(Lib, EntryPoint = "apx_forward")]
    internal static partial int Forward(SimHandle sim);

    [LibraryImport(Lib, EntryPoint = "apx_step")]
    internal static partial int Step(SimHandle sim, int n, int compensateBias, double* feedforward, double* ctrlRate);

    [LibraryImport(Lib, EntryPoint = "apx_time")]
    internal static partial double Time(SimHandle sim);

    [LibraryImport(Lib, EntryPoint = "apx_get")]
    internal static partial int Get(SimHandle sim, int which, double* values, int length);

    [LibraryImport(Lib, EntryPoint = "apx_set")]
    internal static partial int Set(SimHandle sim, int which, double* values, int length);

    [LibraryImport(Lib, EntryPoint = "apx_name2id", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int NameToId(SimHandle sim, int objType, string name);

    [LibraryImport(Lib, EntryPoint = "apx_position")]
    internal static partial int Position(SimHandle sim, int kind, int id, double* xyz);

    [LibraryImport(Lib, EntryPoint = "apx_geom_body")]
    internal static partial int GeomBody(SimHandle sim, int geom);

    [LibraryImport(Lib, EntryPoint = "apx_set_mocap_pos")]
    internal static partial int SetMocapPos(SimHandle sim, int body, double* xyz);

    [LibraryImport(Lib, EntryPoint = "apx_contact_count")]
    internal static partial int ContactCount(SimHandle sim);

    [LibraryImport(Lib, EntryPoint = "apx_contacts")]
    internal static partial int Contacts(SimHandle sim, ApxContact* contacts, int max);

    [LibraryImport(Lib, EntryPoint = "apx_ray")]
    internal static partial double Ray(SimHandle sim, double* point, double* direction, int groupMask, int bodyExclude, out int geom);

    [LibraryImport(Lib, EntryPoint = "apx_ray_fan")]
    internal static partial int RayFan(SimHandle sim, double* origin, double angleMin, double angleIncrement, int count, double rangeMax, int groupMask, float* ranges);

    [LibraryImport(Lib, EntryPoint = "apx_render_init")]
    internal static partial int RenderInit(SimHandle sim, int width, int height, byte* error, int errorLength);

    [LibraryImport(Lib, EntryPoint = "apx_render")]
    internal static partial int Render(SimHandle sim, int camera, byte* rgb, int length);
}

/// <summary>Mirror of <c>apx_dims</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ApxDims
{
    public int Nq;
    public int Nv;
    public int Nu;
    public int NBody;
    public int NGeom;
    public int NSite;
    public int NMocap;
    public int NCam;
    public double Timestep;
}

/// <summary>Mirror of <c>apx_contact</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ApxContact
{
    public int Geom1;
    public int Geom2;
    public double Dist;
}
