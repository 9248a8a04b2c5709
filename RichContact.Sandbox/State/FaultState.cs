namespace RichContact.Sandbox.State;

/// <summary>Failures asked for through the control API: forced REST statuses, REST latency, refused RTM connections.</summary>
internal sealed class FaultState
{
    private readonly Lock _lock = new();
    private int _restFailuresLeft;
    private int _restStatus;
    private int? _retryAfterSeconds;
    private DateTimeOffset _refuseRtmUntil = DateTimeOffset.MinValue;
    private int _authenticationRefusalsLeft;

    public int RestLatencyMs { get; private set; }

    public void FailRest(int status, int count, int? retryAfterSeconds)
    {
        lock (_lock)
        {
            _restStatus = status;
            _restFailuresLeft = count;
            _retryAfterSeconds = retryAfterSeconds;
        }
    }

    public void SetLatency(int milliseconds) => RestLatencyMs = Math.Max(0, milliseconds);

    public void RefuseRtmFor(TimeSpan duration)
    {
        lock (_lock)
            _refuseRtmUntil = DateTimeOffset.UtcNow + duration;
    }

    public bool RefusesRtm
    {
        get { lock (_lock) return DateTimeOffset.UtcNow < _refuseRtmUntil; }
    }

    public void RefuseAuthentications(int count)
    {
        lock (_lock)
            _authenticationRefusalsLeft = Math.Max(0, count);
    }

    /// <summary>True when this authentication must be refused although its keys are right.</summary>
    public bool TryTakeAuthenticationRefusal()
    {
        lock (_lock)
        {
            if (_authenticationRefusalsLeft <= 0)
                return false;
            _authenticationRefusalsLeft--;
            return true;
        }
    }

    public bool TryTakeRestFailure(out int status, out int? retryAfterSeconds)
    {
        lock (_lock)
        {
            status = _restStatus;
            retryAfterSeconds = _retryAfterSeconds;
            if (_restFailuresLeft <= 0)
                return false;
            _restFailuresLeft--;
            return true;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _restFailuresLeft = 0;
            _refuseRtmUntil = DateTimeOffset.MinValue;
            _authenticationRefusalsLeft = 0;
            RestLatencyMs = 0;
        }
    }
}
