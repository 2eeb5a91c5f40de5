namespace Apprentice.Nodes.Player;

/// <summary>
/// Maps bag time to wall time for playback: bag time runs at <c>rate</c> times wall time from an
/// anchor, and stands still while paused. Pure; not thread-safe (the player locks around it).
/// </summary>
internal sealed class PlaybackClock(double rate)
{
    private double _rate = rate;

    private DateTimeOffset _anchorWall;
    private long _anchorBagNs;

    public bool Paused { get; private set; }

    /// <summary>Bag seconds per wall second.</summary>
    public double Rate => _rate;

    /// <summary>Changes the rate from <paramref name="now"/> on: bag time so far is kept, only its pace changes.</summary>
    public void SetRate(DateTimeOffset now, double rate)
    {
        _anchorBagNs = BagNow(now);
        _anchorWall = now;
        _rate = rate;
    }

    /// <summary>Starts (or restarts) playback at <paramref name="bagNs"/> now, keeping the paused state.</summary>
    public void Start(DateTimeOffset now, long bagNs)
    {
        _anchorWall = now;
        _anchorBagNs = bagNs;
    }

    /// <summary>The bag time (ns) corresponding to wall time <paramref name="now"/>.</summary>
    public long BagNow(DateTimeOffset now) =>
        Paused ? _anchorBagNs : _anchorBagNs + (long)((now - _anchorWall).Ticks * 100.0 * _rate);

    /// <summary>The wall time at which bag time <paramref name="bagNs"/> is reached (meaningless while paused).</summary>
    public DateTimeOffset WallDue(long bagNs)
    {
        var ticks = (bagNs - _anchorBagNs) / 100.0 / _rate;
        return ticks <= 0 ? _anchorWall : _anchorWall + TimeSpan.FromTicks((long)Math.Ceiling(ticks));
    }

    public void Pause(DateTimeOffset now)
    {
        if (!Paused)
        {
            _anchorBagNs = BagNow(now);
            _anchorWall = now;
            Paused = true;
        }
    }

    public void Resume(DateTimeOffset now)
    {
        if (Paused)
        {
            _anchorWall = now;
            Paused = false;
        }
    }

    /// <summary>Moves bag time to <paramref name="bagNs"/> (play-next while paused).</summary>
    public void JumpTo(DateTimeOffset now, long bagNs)
    {
        _anchorWall = now;
        _anchorBagNs = bagNs;
    }
}
