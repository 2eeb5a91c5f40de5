using System.Text.RegularExpressions;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Decoding;
using Apprentice.Bag.Storage;
using Apprentice.Bag.Tests.Bags;
using Apprentice.Bag.Tests.Support;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Registry;
using Apprentice.Testing;

namespace Apprentice.Bag.Tests.Decoding;

public class BagDecodingTests
{
    private static readonly InterfaceRegistry Registry = InterfaceRegistry.CreateDefault();

    /// <summary>Every bag under testdata/rosbag2: the bag directories and the single storage files.</summary>
    private static IEnumerable<string> AllBags() =>
        Manifest.Of("metadata.yaml").Select(p => p[..p.LastIndexOf('/')])
            .Concat(Manifest.Of("mcap").Concat(Manifest.Of("db3")).Where(p => p.StartsWith("rosbag2/single_file/", StringComparison.Ordinal)));

    private static BagReader OpenCopy(string relative)
    {
        if (relative.EndsWith(".mcap", StringComparison.Ordinal) || relative.EndsWith(".db3", StringComparison.Ordinal))
        {
            var copy = Path.Combine(Some.TempDir(), Path.GetFileName(relative));
            File.Copy(TestData.Path(relative.Split('/')), copy);
            return BagReader.Open(copy);
        }

        return BagReader.Open(BagReaderTests.CopyDir(relative));
    }

    private static List<(BagMessage Raw, DynamicMessage Decoded)> DecodeAll(string relative, IEnumerable<BagMessageDefinition>? extra = null)
    {
        using var bag = OpenCopy(relative);
        return extra is null ? bag.ReadDynamic(null, Registry).ToList()
            : bag.ReadMessages().Select(m => (m, BagMessageDecoder.For(bag, Registry, extra).Decode(m))).ToList();
    }

    [TestCaseSource(nameof(AllBags))]
    public void Every_message_decodes_with_the_bags_own_schema_and_no_trailing_bytes(string relative)
    {
        using var bag = OpenCopy(relative);
        var decoder = BagMessageDecoder.For(bag, Registry);
        var n = 0;
        foreach (var m in bag.ReadMessages())
        {
            var type = decoder.ForTopic(m.Topic);
            var decoded = decoder.Decode(m);
            var reencoded = type.Codec.Encode(decoded);

            // The encoder writes as many bytes as the decoder consumed; the payload may only add the
            // up-to-3 alignment bytes some writers append. Bytes are compared through a second
            // decode because old writers (talker, 2020) leave garbage in alignment padding.
            Assert.That(m.Data.Length - reencoded.Length, Is.InRange(0, 3), $"{m.Topic} message {n}");
            Assert.That(type.Codec.Decode(type.Root, reencoded).ToString(), Is.EqualTo(decoded.ToString()), $"{m.Topic} message {n}");
            // talker.db3 stores placeholders only; everything else carries usable schemas.
            if (relative != "rosbag2/sqlite3/talker")
            {
                Assert.That(type.Source, Is.EqualTo(BagDefinitionSource.Bag), $"{m.Topic}: {type.Note}");
            }

            n++;
        }

        Assert.That(n, Is.EqualTo(bag.MessageCount));
    }

    [TestCase("rosbag2/mcap/cdr_test")]
    [TestCase("rosbag2/sqlite3/cdr_test")]
    public void Cdr_test_basic_types_are_zero_except_int32_value_123_and_arrays_hold_the_readme_values(string relative)
    {
        var all = DecodeAll(relative);
        var basic = all.Where(x => x.Raw.Topic == "/test_topic").Select(x => x.Decoded).ToList();
        Assert.That(basic, Has.Count.EqualTo(3));
        foreach (var b in basic)
        {
            Assert.That(b["int32_value"], Is.EqualTo(123));
            var others = b.Definition.Fields.Select((f, i) => (f.Name, Value: b[i])).Where(p => p.Name != "int32_value");
            Assert.That(others.Select(p => Convert.ToDouble(p.Value, System.Globalization.CultureInfo.InvariantCulture)), Is.All.EqualTo(0.0));
        }

        var arrays = all.Where(x => x.Raw.Topic == "/array_topic").Select(x => x.Decoded).ToList();
        Assert.That(arrays, Has.Count.EqualTo(4));
        var first = arrays[0];
        Assert.That(first["bool_values"], Is.EqualTo(new[] { true, false, true }));
        Assert.That(first["string_values"], Is.EqualTo(new[] { "Complex Hello1", "Complex Hello2", "Complex Hello3" }));
        Assert.That(first["int32_values"], Is.EqualTo(new[] { 0, 0, 0 }));
        var defaults = (DynamicMessage[])first["defaults_values"];
        Assert.That(defaults, Has.Length.EqualTo(3));
        Assert.That(defaults.Select(d => d["float32_value"]), Is.All.EqualTo(1.125f));
        Assert.That(defaults.Select(d => d["int64_value"]), Is.All.EqualTo(-40000000L));
    }

    [TestCase("rosbag2/mcap/talker")]
    [TestCase("rosbag2/sqlite3/talker")]
    public void Talker_strings_count_up_and_the_first_rosout_is_level_20_from_minimal_publisher_line_38(string relative)
    {
        var all = DecodeAll(relative);
        var strings = all.Where(x => x.Raw.Topic == "/topic").Select(x => (string)x.Decoded["data"]);
        Assert.That(strings, Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"Hello, world! {i}")));
        var log = all.First(x => x.Raw.Topic == "/rosout").Decoded;
        Assert.That(log["level"], Is.EqualTo((byte)20));
        Assert.That(log["name"], Is.EqualTo("minimal_publisher"));
        Assert.That(log["msg"], Is.EqualTo("Publishing: 'Hello, world! 0'"));
        Assert.That(log["line"], Is.EqualTo(38u));
    }

    [Test]
    public void Talker_db3_placeholders_are_flagged_never_used_and_the_sibling_mcaps_schemas_decode_it()
    {
        using var mcap = OpenCopy("rosbag2/mcap/talker");
        using var db3 = OpenCopy("rosbag2/sqlite3/talker");
        Assert.That(db3.Files[0].Definitions, Is.Not.Empty);
        Assert.That(db3.Files[0].Definitions.Select(d => d.Suspect), Is.All.True);

        var withoutRegistry = new BagMessageDecoder(db3.Topics, db3.Definitions);
        Assert.That(() => withoutRegistry.ForTopic("/rosout"),
            Throws.TypeOf<BagDecodeException>().With.Message.Contains("placeholder"));

        var withSibling = new BagMessageDecoder(db3.Topics, db3.Definitions, null, mcap.Definitions.Values);
        Assert.That(withSibling.ForTopic("/rosout").Source, Is.EqualTo(BagDefinitionSource.Extra));
        var messages = db3.ReadMessages().ToList();
        var log = withSibling.Decode(messages.First(m => m.Topic == "/rosout"));
        Assert.That(log["name"], Is.EqualTo("minimal_publisher"));
        Assert.That(log["line"], Is.EqualTo(38u));
        Assert.That(withSibling.Decode(messages.First(m => m.Topic == "/topic"))["data"], Is.EqualTo("Hello, world! 0"));
    }

    [TestCase("rosbag2/mcap/bag_with_topics_and_service_events")]
    [TestCase("rosbag2/sqlite3/bag_with_topics_and_service_events")]
    public void Service_events_carry_request_sent_and_response_received_with_sequence_numbers_1_and_2(string relative)
    {
        var all = DecodeAll(relative);
        foreach (var topic in new[] { "/test_service1/_service_event", "/test_service2/_service_event" })
        {
            var events = all.Where(x => x.Raw.Topic == topic).ToList();
            Assert.That(events, Has.Count.EqualTo(4));
            var info = events.Select(e => (DynamicMessage)e.Decoded["info"]).ToList();
            Assert.That(info.Select(i => (byte)i["event_type"]), Is.EqualTo(new byte[] { 0, 3, 0, 3 }), topic);
            Assert.That(info.Select(i => (long)i["sequence_number"]), Is.EqualTo(new long[] { 1, 1, 2, 2 }), topic);
            foreach (var e in events)
            {
                var isRequest = (byte)((DynamicMessage)e.Decoded["info"])["event_type"] == 0;
                Assert.That(((Array)e.Decoded["request"]).Length, Is.EqualTo(isRequest ? 1 : 0));
                Assert.That(((Array)e.Decoded["response"]).Length, Is.EqualTo(isRequest ? 0 : 1));
            }
        }

        var strings = all.Where(x => x.Raw.Topic == "/test_topic1").Select(x => x.Decoded).Single();
        Assert.That(strings["string_value_default1"], Is.EqualTo("Hello world!"));
    }

    [Test]
    public void Dynamic_reading_honours_the_topic_and_time_filter()
    {
        using var bag = OpenCopy("rosbag2/mcap/wbag");
        var filter = new BagReadFilter { Topics = new HashSet<string> { "CCC" }, StartNs = 1500, EndNs = 2500 };
        var read = bag.ReadDynamic(filter).ToList();
        Assert.That(read, Is.Not.Empty);
        Assert.That(read.Select(r => r.Raw.Topic), Is.All.EqualTo("CCC"));
        Assert.That(read.Select(r => r.Raw.RecvTimestampNs), Is.All.InRange(1500L, 2500L));
        Assert.That(read.Select(r => r.Raw.RecvTimestampNs), Is.Ordered);
        Assert.That(read.Select(r => r.Message.Definition.FullName), Is.All.EqualTo("std_msgs/msg/String"));
    }

    [Test]
    public void Split_wbag_payloads_are_hello_world_strings()
    {
        var all = DecodeAll("rosbag2/mcap/wbag");
        Assert.That(all, Has.Count.EqualTo(6074));
        Assert.That(all.Select(x => (string)x.Decoded["data"]), Is.All.Match(new Regex(@"^Hello, world! \d+ - \d+$")));
    }
}
