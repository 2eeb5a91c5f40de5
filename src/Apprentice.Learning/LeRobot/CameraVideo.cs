using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Learning.Dataset;
using Apprentice.Ros.Msgs.SensorMsgs;

namespace Apprentice.Learning.LeRobot;

/// <summary>One camera stream written as an MP4 (one frame per dataset sample) and its pixel statistics.</summary>
/// <param name="Key">LeRobot feature key, <c>observation.images.&lt;name&gt;</c>.</param>
/// <param name="Width">Frame width [px].</param>
/// <param name="Height">Frame height [px].</param>
/// <param name="Frames">Frames written.</param>
/// <param name="ChannelMin">Per RGB channel, in [0, 1].</param>
/// <param name="ChannelMax">Per RGB channel, in [0, 1].</param>
/// <param name="ChannelMean">Per RGB channel, in [0, 1].</param>
/// <param name="ChannelStd">Per RGB channel, in [0, 1].</param>
internal sealed record CameraVideo(string Key, int Width, int Height, long Frames, double[] ChannelMin, double[] ChannelMax, double[] ChannelMean, double[] ChannelStd);

/// <summary>
/// Writes a camera topic as H.264 MP4 through the <c>ffmpeg</c> executable (Debian package
/// <c>ffmpeg</c>): at each sample the newest image received at or before the sample time (black
/// before the first), rgb8/bgr8/mono8 converted to RGB.
/// </summary>
internal static class CameraVideoWriter
{
    public static string KeyFor(string topic)
    {
        var name = topic.Trim('/');
        foreach (var suffix in new[] { "/image_raw", "/image" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
            }
        }

        return "observation.images." + name.Replace('/', '_');
    }

    public static async Task<CameraVideo> WriteAsync(IReadOnlyList<EpisodeSamples> episodes, string topic, string path, int fps, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Process? ffmpeg = null;
        byte[] frame = [];
        var (width, height) = (0, 0);
        long frames = 0;
        var sum = new double[3];
        var sq = new double[3];
        var min = new double[] { 1, 1, 1 };
        var max = new double[3];
        long pixels = 0;
        try
        {
            foreach (var bagEpisodes in episodes.GroupBy(e => e.BagPath))
            {
                using var bag = BagReader.Open(bagEpisodes.Key);
                using var images = bag.ReadMessages<Image>(topic).GetEnumerator();
                var pending = images.MoveNext() ? images.Current : default;
                if (ffmpeg is null && pending.Message is { } first)
                {
                    (width, height) = ((int)first.Width, (int)first.Height);
                    frame = new byte[width * height * 3];
                    ffmpeg = Start(path, width, height, fps);
                }

                foreach (var episode in bagEpisodes)
                {
                    foreach (var t in episode.TimesNs)
                    {
                        while (pending.Message is not null && pending.Raw.RecvTimestampNs <= t)
                        {
                            ToRgb(pending.Message, width, height, frame, bagEpisodes.Key, topic);
                            pending = images.MoveNext() ? images.Current : default;
                        }

                        if (ffmpeg is null)
                        {
                            throw new DatasetException($"Bag '{bagEpisodes.Key}' has no image on '{topic}'; every frame needs one.") { BagPath = bagEpisodes.Key };
                        }

                        Accumulate(frame, sum, sq, min, max, ref pixels);
                        await ffmpeg.StandardInput.BaseStream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                        frames++;
                    }
                }
            }

            if (ffmpeg is null)
            {
                throw new DatasetException($"No image on '{topic}' before or during the episodes; nothing to encode.");
            }

            ffmpeg.StandardInput.Close();
            var errors = await ffmpeg.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await ffmpeg.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (ffmpeg.ExitCode != 0)
            {
                throw new IOException($"ffmpeg failed writing '{path}' (exit {ffmpeg.ExitCode}): {errors[Math.Max(0, errors.Length - 400)..]}");
            }
        }
        finally
        {
            ffmpeg?.Dispose();
        }

        var mean = sum.Select(s => s / pixels).ToArray();
        var std = sq.Select((s, c) => Math.Sqrt(Math.Max(0, (s / pixels) - (mean[c] * mean[c])))).ToArray();
        return new CameraVideo(KeyFor(topic), width, height, frames, min, max, mean, std);
    }

    private static Process Start(string path, int width, int height, int fps)
    {
        var info = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}",
            "-r", fps.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "-",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "2", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", path,
        })
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            return Process.Start(info) ?? throw new IOException("ffmpeg did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException("Encoding camera video needs the ffmpeg executable (Debian package 'ffmpeg'); install it or export without the camera.", e);
        }
    }

    private static void ToRgb(Image m, int width, int height, byte[] rgb, string bag, string topic)
    {
        if (m.Width != width || m.Height != height)
        {
            throw new DatasetException($"Bag '{bag}': images on '{topic}' change size ({m.Width}×{m.Height}, first {width}×{height}).") { BagPath = bag };
        }

        var channels = m.Encoding switch
        {
            "rgb8" or "bgr8" => 3,
            "mono8" => 1,
            _ => throw new DatasetException($"Bag '{bag}': image encoding '{m.Encoding}' on '{topic}' is not supported for video (rgb8, bgr8, mono8).") { BagPath = bag },
        };
        var step = (int)m.Step;
        if (step < width * channels || m.Data.Length < step * height)
        {
            throw new DatasetException($"Bag '{bag}': an image on '{topic}' is shorter than its step × height.") { BagPath = bag };
        }

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var s = (y * step) + (x * channels);
                var d = ((y * width) + x) * 3;
                (rgb[d], rgb[d + 1], rgb[d + 2]) = m.Encoding switch
                {
                    "rgb8" => (m.Data[s], m.Data[s + 1], m.Data[s + 2]),
                    "bgr8" => (m.Data[s + 2], m.Data[s + 1], m.Data[s]),
                    _ => (m.Data[s], m.Data[s], m.Data[s]),
                };
            }
        }
    }

    // Every 4th pixel: the statistics only normalise the images, a sample is plenty.
    private static void Accumulate(byte[] rgb, double[] sum, double[] sq, double[] min, double[] max, ref long pixels)
    {
        for (var p = 0; p < rgb.Length; p += 12)
        {
            for (var c = 0; c < 3; c++)
            {
                var v = rgb[p + c] / 255.0;
                sum[c] += v;
                sq[c] += v * v;
                min[c] = Math.Min(min[c], v);
                max[c] = Math.Max(max[c], v);
            }

            pixels++;
        }
    }
}
