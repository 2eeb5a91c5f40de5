using Apprentice.Dds.Interop;

namespace Apprentice.Dds.Cyclone;

/// <summary>
/// Domains this process created explicitly (to apply a configuration), reference-counted by the
/// nodes using them: deleting a Cyclone domain deletes every participant in it.
/// </summary>
internal static class DomainRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<uint, (int Handle, int Users)> Domains = [];

    public static void Acquire(uint domainId, string? config)
    {
        lock (Gate)
        {
            if (Domains.TryGetValue(domainId, out var d))
            {
                Domains[domainId] = (d.Handle, d.Users + 1);
                return;
            }

            var handle = 0;
            if (config is not null)
            {
                var rc = NativeMethods.DomainCreate(domainId, config);
                // Already there: created implicitly by a participant with the default configuration.
                handle = rc == NativeMethods.RetcodePreconditionNotMet ? 0 : NativeMethods.Check(rc, $"create DDS domain {domainId} with the given Cyclone configuration");
            }

            Domains[domainId] = (handle, 1);
        }
    }

    public static void Release(uint domainId)
    {
        lock (Gate)
        {
            if (!Domains.TryGetValue(domainId, out var d))
            {
                return;
            }

            if (d.Users > 1)
            {
                Domains[domainId] = (d.Handle, d.Users - 1);
                return;
            }

            Domains.Remove(domainId);
            if (d.Handle > 0)
            {
                _ = NativeMethods.Delete(d.Handle);
            }
        }
    }
}
