using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Mcap;
using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Support;

namespace Apprentice.Bag.Tests.Bags;

public class BagWriterTests
{
    private static BagMessage Msg(string topic, long t, int size = 0) =>
        new(topic, t, t, Some.StringCdr($"m{t}" + new string('z', size)));

    private static string Record(BagWriterOptions options, int count, int size = 0, Action<BagWriter, int>? each = null)
    {
        var dir = Path.Combine(Some.TempDir(), "demo");
        using var w = BagWriter.Create(dir, options);
        w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
        w.CreateTopic(Some.StringTopic("/b"), Some.StringDef);
        for (var i = 0; i < count; i++)
        {
            each?.Invoke(w, i);
            while (!w.TryWrite(Msg(i % 2 == 0 ? "/a" : "/b", 1_000_000_000L + i * 1_000_000L, size)) && !w.IsPaused)
            {
                Thread.Sleep(1); // cache full: a test producer may wait, a real subscriber would drop
            }
        }

        w.Close();
        return dir;
    }

    [TestCase("mcap")]
    [TestCase("sqlite3")]
    public void Recorded_bag_reads_back_with_metadata_and_custom_data(string storage)
    {
        var dir = Record(BagWriterOptions.Default with
        {
            StorageIdentifier = storage, CustomData = new Dictionary<string, string> { ["task"] = "pick" },
        }, 100);

        using var bag = BagReader.Open(dir);
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "metadata.yaml", "demo_0" + BagStorage.Extension(storage) }));
        Assert.That(bag.ReadMessages().Count(), Is.EqualTo(100));
        Assert.That(bag.Metadata!.MessageCount, Is.EqualTo(100));
        Assert.That(bag.Metadata.Topics.Single(t => t.Topic.Name == "/a").MessageCount, Is.EqualTo(50));
        Assert.That(bag.Metadata.CustomData["task"], Is.EqualTo("pick"));
        Assert.That(bag.Metadata.StartingTimeNs, Is.EqualTo(1_000_000_000L));
        Assert.That(bag.Metadata.DurationNs, Is.EqualTo(99_000_000L));
        Assert.That(bag.Files[0].SerializedBagMetadata, Does.Contain("message_count: 100"));
    }

    [Test]
    public void Size_split_produces_numbered_files_that_each_pass_the_independent_validator()
    {
        var dir = Record(BagWriterOptions.Default with
        {
            MaxFileSizeBytes = 40_000, Mcap = McapWriterOptions.Default with { ChunkSizeBytes = 8_000, Compression = McapCompressionKind.None },
        }, 600, size: 200);

        using var bag = BagReader.Open(dir);
        var files = BagReader.StorageFilesIn(dir);

        Assert.That(files, Has.Count.GreaterThan(2));
        Assert.That(bag.Metadata!.RelativeFilePaths, Is.EqualTo(files.Select(Path.GetFileName)));
        Assert.That(bag.Metadata.Files.Sum(f => f.MessageCount), Is.EqualTo(600));
        Assert.That(bag.ReadMessages().Select(m => m.RecvTimestampNs), Is.EqualTo(Enumerable.Range(0, 600).Select(i => 1_000_000_000L + i * 1_000_000L)));
        var (code, output) = NodeValidator.Run(files.ToArray());
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void Duration_split_starts_a_new_file_every_100_ms_of_receive_time()
    {
        var dir = Record(BagWriterOptions.Default with { MaxFileDuration = TimeSpan.FromMilliseconds(100) }, 250);

        using var bag = BagReader.Open(dir);

        Assert.That(bag.Files, Has.Count.EqualTo(3));
        Assert.That(bag.Metadata!.Files.Select(f => f.MessageCount), Is.EqualTo(new long[] { 100, 100, 50 }));
    }

    [Test]
    public void Split_on_request_continues_in_the_next_file_and_reports_both_paths()
    {
        var splits = new List<BagFileSplit>();
        var dir = Record(BagWriterOptions.Default, 30, each: (w, i) =>
        {
            if (i == 0)
            {
                w.FileSplit += s => splits.Add(s);
            }

            if (i is 10 or 20)
            {
                w.Split();
            }
        });

        using var bag = BagReader.Open(dir);

        Assert.That(bag.Metadata!.RelativeFilePaths, Is.EqualTo(new[] { "demo_0.mcap", "demo_1.mcap", "demo_2.mcap" }));
        Assert.That(bag.Metadata.Files.Select(f => f.MessageCount), Is.EqualTo(new long[] { 10, 10, 10 }));
        Assert.That(splits.Select(s => (Path.GetFileName(s.ClosedFile), Path.GetFileName(s.OpenedFile))),
            Is.EqualTo(new[] { ("demo_0.mcap", "demo_1.mcap"), ("demo_1.mcap", "demo_2.mcap") }));
        Assert.That(splits.All(s => Path.IsPathFullyQualified(s.ClosedFile) && File.Exists(s.OpenedFile)), Is.True);
    }

    [Test]
    public void Message_larger_than_the_cache_is_dropped_and_counted_per_topic()
    {
        var dir = Path.Combine(Some.TempDir(), "drops");
        using var w = BagWriter.Create(dir, BagWriterOptions.Default with { CacheCapacityBytes = 1024 });
        w.CreateTopic(Some.StringTopic("/big"), Some.StringDef);

        var accepted = w.TryWrite(Msg("/big", 1, size: 4000));
        w.Close();

        Assert.That(accepted, Is.False);
        Assert.That(w.DroppedCounts["/big"], Is.EqualTo(1));
        Assert.That(w.WrittenCount, Is.Zero);
    }

    [Test]
    public void Borrowed_payload_is_copied_only_when_accepted_so_drops_allocate_nothing()
    {
        var dir = Path.Combine(Some.TempDir(), "borrowed");
        using var w = BagWriter.Create(dir, BagWriterOptions.Default with { CacheCapacityBytes = 1024 });
        w.CreateTopic(Some.StringTopic("/big"), Some.StringDef);
        var small = Some.StringCdr("fits");
        var big = new byte[4000];
        Assert.That(w.TryWrite("/big", 1, 1, small), Is.True);
        for (var i = 0; i < 3; i++)
        {
            Assert.That(w.TryWrite("/big", 2, 2, big), Is.False); // warm the drop path (add, then update)
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            w.TryWrite("/big", 3 + i, 3 + i, big);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        w.Close();

        Assert.That(allocated, Is.Zero);
        Assert.That(w.DroppedCounts["/big"], Is.EqualTo(103));
        Assert.That(w.WrittenCount, Is.EqualTo(1));
    }

    [Test]
    public void Messages_offered_while_paused_are_not_recorded()
    {
        var dir = Record(BagWriterOptions.Default, 100, each: (w, i) =>
        {
            if (i == 20) w.Pause();
            if (i == 50) w.Resume();
        });

        using var bag = BagReader.Open(dir);

        Assert.That(bag.MessageCount, Is.EqualTo(70));
    }

    [Test]
    public void Snapshot_mode_writes_only_the_ring_of_latest_messages_on_demand()
    {
        var dir = Path.Combine(Some.TempDir(), "snap");
        using var w = BagWriter.Create(dir, BagWriterOptions.Default with { SnapshotMode = true, CacheCapacityBytes = 2048 });
        w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
        for (var i = 0; i < 100; i++)
        {
            w.Write(Msg("/a", i, size: 100));
        }

        w.Snapshot();
        w.Close();

        using var bag = BagReader.Open(dir);
        var times = bag.ReadMessages().Select(m => m.RecvTimestampNs).ToList();
        var each = Msg("/a", 99, size: 100).Data.Length;
        Assert.That(times, Has.Count.EqualTo(2048 / each));
        Assert.That(times, Is.EqualTo(Enumerable.Range(100 - times.Count, times.Count).Select(i => (long)i)));
    }

    [Test]
    public void Termination_signal_handler_drains_the_cache_and_leaves_a_complete_bag()
    {
        var dir = Path.Combine(Some.TempDir(), "sig");
        var w = BagWriter.Create(dir, BagWriterOptions.Default);
        using var registration = w.CloseOnTermination();
        w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
        for (var i = 0; i < 500; i++)
        {
            w.Write(Msg("/a", i));
        }

        BagWriterSignals.OnTerminationSignal(w);

        using var bag = BagReader.Open(dir);
        Assert.That(bag.Metadata!.MessageCount, Is.EqualTo(500));
        Assert.That(bag.Files.Single().Recovered, Is.False);
    }

    [Test]
    public void Disk_full_stops_with_an_error_naming_the_path_and_leaves_a_readable_bag()
    {
        var mount = Path.Combine(Some.TempDir(), "small");
        Directory.CreateDirectory(mount);
        if (!Run("mount", $"-t tmpfs -o size=1m tmpfs {mount}"))
        {
            Assert.Inconclusive("needs root to mount a 1 MiB tmpfs (CI runs as root)");
        }

        try
        {
            var dir = Path.Combine(mount, "full");
            var w = BagWriter.Create(dir, BagWriterOptions.Default with
            {
                Mcap = McapWriterOptions.Default with { Compression = McapCompressionKind.None, ChunkSizeBytes = 32 * 1024 },
            });
            w.CreateTopic(Some.StringTopic("/a"), Some.StringDef);
            var offered = 0;
            for (var i = 0; i < 4000; i++)
            {
                offered += w.TryWrite(Msg("/a", i, size: 1000)) ? 1 : 0;
                if (i % 100 == 0) Thread.Sleep(1);
            }

            var e = Assert.Throws<BagWriteException>(w.Close);

            Assert.That(e!.Message, Does.Contain(dir));
            Assert.That(e.MessagesNotWritten, Is.GreaterThan(0));
            Assert.That(w.WrittenCount + e.MessagesNotWritten, Is.EqualTo(offered));
            using var bag = BagReader.Open(dir);
            Assert.That(bag.ReadMessages().Count(), Is.GreaterThan(0).And.LessThanOrEqualTo((int)w.WrittenCount));
            w.Dispose();
        }
        finally
        {
            Run("umount", mount);
        }
    }

    private static bool Run(string file, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            p.WaitForExit(10_000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
