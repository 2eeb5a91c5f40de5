using System.Text;
using Apprentice.Bag.Decoding;
using Apprentice.Bag.Storage;
using CsCheck;

namespace Apprentice.Bag.Tests.Decoding;

/// <summary>Hostile schemas and payloads: decoding gives a message or a <see cref="BagDecodeException"/>, never a crash.</summary>
public class BagDecoderFuzzTests
{
    private const string Type = "demo_msgs/msg/Thing";

    private const string Schema =
        "int32 a\nstring[] names\nfloat64[3] xyz\ndemo_msgs/Inner[<=4] inner\n" +
        "================================================================================\n" +
        "MSG: demo_msgs/Inner\nuint8 flag\nstring<=10 label\nint64[] values\n";

    private static readonly string[] Fragments =
        ["[", "]", "<=", "[<=", "=", "#", "\n", " ", "demo_msgs/Thing ", "demo_msgs/Inner ", "string", "MSG: ", "---\n", "\t", "99999999999 ", "-1", "[]"];

    private static string Check(string schema, byte[] payload)
    {
        var decoder = new BagMessageDecoder([new BagTopic("/t", Type)],
            new Dictionary<string, BagMessageDefinition> { [Type] = new(Type, "ros2msg", schema) }, null);
        try
        {
            _ = decoder.Decode(new BagMessage("/t", 0, 0, payload));
            return "ok";
        }
        catch (BagDecodeException)
        {
            return "typed";
        }
    }

    [Test]
    public void Random_payloads_decode_or_fail_typed() =>
        Gen.Byte.Array[0, 200].Sample(p =>
        {
            if (p.Length >= 2)
            {
                p[0] = 0;
                p[1] = 1;
            }

            Check(Schema, p);
        }, iter: 5000);

    [Test]
    public void Mutated_schemas_decode_or_fail_typed() =>
        Gen.Select(Gen.Int, Gen.Int[0, Fragments.Length - 1], Gen.Bool, Gen.Byte.Array[0, 120]).Array[1, 4].Sample(edits =>
        {
            var text = new StringBuilder(Schema);
            byte[] payload = [0, 1, 0, 0];
            foreach (var (where, fragment, insert, bytes) in edits)
            {
                var at = (int)((uint)where % (uint)(text.Length + 1));
                if (insert)
                {
                    text.Insert(at, Fragments[fragment]);
                }
                else
                {
                    text.Remove(at, Math.Min(fragment + 1, text.Length - at));
                }

                payload = [0, 1, 0, 0, .. bytes];
            }

            Check(text.ToString(), payload);
        }, iter: 3000);

    [Test]
    public void Self_referencing_schema_fails_typed_instead_of_recursing_forever()
    {
        var schema = "demo_msgs/Thing[] children\n";
        var payload = new byte[4 + 4 * 1000];
        payload[1] = 1;
        for (var i = 4; i < payload.Length; i += 4)
        {
            payload[i] = 1; // every level claims one child
        }

        Assert.That(Check(schema, payload), Is.EqualTo("typed"));
    }
}
