using Apprentice.Testing;

namespace Apprentice.Dds.Tests.Support;

/// <summary>A DDS domain for this test run (random 100..200, so parallel runs do not cross-talk) on loopback.</summary>
internal static class TestDomain
{
    public static uint Id { get; } = (uint)Random.Shared.Next(100, 201);

    /// <summary>Cyclone configuration URI for loopback-only discovery.</summary>
    /// <remarks>APPRENTICE_TEST_CYCLONE_CONFIG overrides it (e.g. a copy with Tracing enabled, to debug a failure).</remarks>
    public static string LoopbackConfig { get; } =
        Environment.GetEnvironmentVariable("APPRENTICE_TEST_CYCLONE_CONFIG") ?? "file://" + RepoPaths.Path("config", "cyclonedds-loopback.xml");
}
