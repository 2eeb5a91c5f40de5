using System.Runtime.InteropServices;

namespace Apprentice.Bag.Bags;

/// <summary>
/// Closes a <see cref="BagWriter"/> cleanly on SIGINT/SIGTERM (drain the cache, finish the file,
/// write metadata.yaml) before the process ends, so Ctrl-C or <c>kill</c> never leaves a bag that
/// needs <c>reindex</c>. Dispose the returned object to stop listening.
/// </summary>
public static class BagWriterSignals
{
    /// <summary>Registers the handlers; the default termination still follows the close.</summary>
    public static IDisposable CloseOnTermination(this BagWriter writer)
    {
        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }
            .Select(s => PosixSignalRegistration.Create(s, _ => OnTerminationSignal(writer))).ToArray();
        return new Registrations(registrations);
    }

    /// <summary>What a termination signal does: close, keeping any failure in <see cref="BagWriter.Error"/>.</summary>
    internal static void OnTerminationSignal(BagWriter writer) => writer.Dispose();

    private sealed class Registrations(PosixSignalRegistration[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in items)
            {
                r.Dispose();
            }
        }
    }
}
