using Apprentice.Bag.Bags;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Rosbag2Interfaces;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Recorder;

// rosbag2's recorder controls: pause/resume, split on request, snapshot, and the events/write_split event.
public sealed partial class RecorderNode
{
    /// <summary>Topic of the split events, relative to the node's namespace as in rosbag2.</summary>
    public const string WriteSplitTopic = "events/write_split";

    private IRawPublisher? _splitEvents;
    private string _splitEventsTopic = "";

    /// <summary>Raised after each file split (size, duration or <see cref="SplitBagFile"/>), on the bag writer's thread.</summary>
    public event Action<BagFileSplit>? FileSplit;

    /// <summary>True while paused.</summary>
    public bool IsPaused => _writer.IsPaused;

    /// <summary>Stops recording (samples received meanwhile are counted as received only).</summary>
    public void Pause() => _writer.Pause();

    /// <summary>Resumes recording.</summary>
    public void Resume() => _writer.Resume();

    /// <summary>True when recording in snapshot mode (<see cref="BagWriterOptions.SnapshotMode"/>).</summary>
    public bool SnapshotMode => _options.Writer.SnapshotMode;

    /// <summary>Closes the current bag file and continues in the next one (rosbag2's <c>~/split_bagfile</c>).</summary>
    /// <returns>False when the recorder is already closed.</returns>
    public bool SplitBagFile()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _writer.Split();
            return true;
        }
    }

    /// <summary>
    /// Snapshot mode: writes the in-memory window (the last <see cref="BagWriterOptions.CacheCapacityBytes"/>
    /// of traffic) to the bag now (rosbag2's <c>~/snapshot</c>).
    /// </summary>
    /// <returns>False when not in snapshot mode or closed.</returns>
    public bool Snapshot()
    {
        lock (_gate)
        {
            if (_closed || !SnapshotMode)
            {
                return false;
            }

            _writer.Snapshot();
            return true;
        }
    }

    private void InitSplitEvents()
    {
        _splitEventsTopic = _transport.ResolveTopicName(WriteSplitTopic);
        _splitEvents = _transport.CreateRawPublisher(WriteSplitTopic, WriteSplitEvent.RosTypeName, QosProfiles.Default);
        _writer.FileSplit += OnFileSplit;
    }

    private void OnFileSplit(BagFileSplit split)
    {
        _log.Information("Bag split: closed {Closed}, continuing in {Opened}", split.ClosedFile, split.OpenedFile);
        _ = _splitEvents?.Publish(RosMessageCodec.Encode(new WriteSplitEvent { ClosedFile = split.ClosedFile, OpenedFile = split.OpenedFile }));
        FileSplit?.Invoke(split);
    }
}
