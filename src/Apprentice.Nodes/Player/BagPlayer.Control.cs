namespace Apprentice.Nodes.Player;

// Playback control from any thread (services, a keyboard handler): pause, resume, toggle, rate, play-next.
public sealed partial class BagPlayer
{
    /// <summary>Stops the playback clock; messages wait until <see cref="Resume"/> or <see cref="PlayNextAsync"/>.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            _clock.Pause(_time.GetUtcNow());
            Signal();
        }
    }

    /// <summary>Restarts the playback clock from where it stood.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            _clock.Resume(_time.GetUtcNow());
            Signal();
        }
    }

    /// <summary>Pauses when playing, resumes when paused; returns the new paused state.</summary>
    public bool TogglePaused()
    {
        lock (_gate)
        {
            if (_clock.Paused)
            {
                _clock.Resume(_time.GetUtcNow());
            }
            else
            {
                _clock.Pause(_time.GetUtcNow());
            }

            Signal();
            return _clock.Paused;
        }
    }

    /// <summary>Current playback speed factor.</summary>
    public double Rate
    {
        get
        {
            lock (_gate)
            {
                return _clock.Rate;
            }
        }
    }

    /// <summary>Changes the playback speed from now on (bag time played so far is kept). False, and no change, unless <paramref name="rate"/> is positive and finite.</summary>
    public bool SetRate(double rate)
    {
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            return false;
        }

        lock (_gate)
        {
            _clock.SetRate(_time.GetUtcNow(), rate);
            Signal();
            return true;
        }
    }

    /// <summary>
    /// While paused, publishes the next message now and stays paused. Completes with true once it
    /// is published; false when not paused or when the bag has ended.
    /// </summary>
    public Task<bool> PlayNextAsync()
    {
        lock (_gate)
        {
            if (!_clock.Paused)
            {
                return Task.FromResult(false);
            }

            _playNext ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Signal();
            return _playNext.Task;
        }
    }
}
