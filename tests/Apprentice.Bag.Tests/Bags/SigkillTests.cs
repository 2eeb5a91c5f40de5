using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Mcap;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Bags;

/// <summary>A real SIGKILL of a process that is writing a bag, then reindex.</summary>
public class SigkillTests
{
    [Test]
    public void Bag_written_by_a_process_killed_with_sigkill_reopens_after_reindex()
    {
        var cli = RepoPaths.Path("src", "Apprentice.Cli", "bin", "Release", "net10.0", "apprentice.dll");
        if (!File.Exists(cli))
        {
            Assert.Inconclusive("needs the CLI built (dotnet build src/Apprentice.Cli -c Release; the solution test run builds it)");
        }

        // Input: 300k small messages, uncompressed, so the convert runs for a few seconds.
        var input = Path.Combine(Some.TempDir(), "in");
        using (var w = BagWriter.Create(input, BagWriterOptions.Default with
               { Mcap = McapWriterOptions.Default with { Compression = McapCompressionKind.None } }))
        {
            w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
            for (var i = 0; i < 300_000; i++)
            {
                w.Write(new BagMessage("/a", 1_000 + i, 1_000 + i, Some.StringCdr($"message {i:D7} " + new string('k', 60))));
            }
        }

        var output = Path.Combine(Some.TempDir(), "out");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "bag", "convert", input, output, "--compression", "none" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var file = Path.Combine(output, "out_0.mcap");
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(file) && new FileInfo(file).Length > 3 << 20) && !p.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(5);
        }

        if (p.HasExited)
        {
            Assert.Inconclusive("convert finished before it could be killed: " + p.StandardError.ReadToEnd());
        }

        p.Kill(); // SIGKILL on Linux: no handler, no flush
        p.WaitForExit();

        // What the killed writer left on disk, less at most one chunk (the unfinished one), must
        // come back: each message takes well under 200 bytes in the file (record + index entry).
        var onDisk = new FileInfo(file).Length;
        var minimumRecovered = (onDisk - McapWriterOptions.Default.ChunkSizeBytes) / 200;
        Assert.That(minimumRecovered, Is.GreaterThan(1_000), "the kill came late enough to test recovery");
        using (var before = BagReader.Open(output))
        {
            // metadata.yaml lists the unfinished file, so the bag opens even before reindex.
            Assert.That(before.Files.Single().Recovered, Is.True);
            Assert.That(before.ReadMessages().Count(), Is.GreaterThanOrEqualTo(minimumRecovered));
        }

        BagReindexer.Reindex(output);
        using var bag = BagReader.Open(output);
        var messages = bag.ReadMessages().ToList();

        Assert.That(messages, Has.Count.GreaterThanOrEqualTo(minimumRecovered).And.Count.LessThan(300_000));
        Assert.That(bag.Metadata!.MessageCount, Is.EqualTo(messages.Count));
        Assert.That(messages.Select(m => m.RecvTimestampNs), Is.EqualTo(Enumerable.Range(1_000, messages.Count).Select(i => (long)i)),
            "what survives is an unbroken prefix");
        var (code, text) = NodeValidator.Run(file);
        Assert.That(code, Is.Zero, text);
    }
}
