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
    private int _hookAnswersToLose;

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

    /// <summary>The next this many Web Hooks deliveries count as failed whatever the receiver answered (its answer lost on the way).</summary>
    public void LoseHookAnswers(int count)
    {
        lock (_lock)
            _hookAnswersToLose = Math.Max(0, count);
    }

    public bool TryTakeLostHookAnswer()
    {
        lock (_lock)
        {
            if (_hookAnswersToLose <= 0)
                return false;
            _hookAnswersToLose--;
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
            _hookAnswersToLose = 0;
            RestLatencyMs = 0;
        }
    }
}
