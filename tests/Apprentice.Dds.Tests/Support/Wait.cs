using System.Diagnostics;

namespace Apprentice.Dds.Tests.Support;

internal static class Wait
{
    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes; returns whether it held.</summary>
    public static bool Until(Func<bool> condition, double timeoutSeconds = 10)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < timeoutSeconds)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(10);
        }

        return condition();
    }
}
