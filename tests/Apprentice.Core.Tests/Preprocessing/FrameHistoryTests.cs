using Apprentice.Core.Preprocessing;

namespace Apprentice.Core.Tests.Preprocessing;

public sealed class FrameHistoryTests
{
    [Test]
    public void Frames_come_out_oldest_first_and_the_oldest_is_repeated_until_full()
    {
        var history = new FrameHistory(3, 2);
        var output = new float[6];
        float[][] expected =
        [
            [1, 1, 1, 1, 1, 1],
            [1, 1, 1, 1, 2, 2],
            [1, 1, 2, 2, 3, 3],
            [2, 2, 3, 3, 4, 4],
            [3, 3, 4, 4, 5, 5],
        ];
        for (var k = 0; k < expected.Length; k++)
        {
            history.Push([k + 1, k + 1]);
            history.CopyTo(output);
            Assert.That(output, Is.EqualTo(expected[k]), "after push " + (k + 1));
        }
    }

    [Test]
    public void Clear_forgets_the_frames()
    {
        var history = new FrameHistory(2, 1);
        history.Push([1]);
        history.Push([2]);
        history.Clear();
        history.Push([7]);
        var output = new float[2];
        history.CopyTo(output);
        Assert.That(output, Is.EqualTo(new[] { 7f, 7f }));
    }
}
