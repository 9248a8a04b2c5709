using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using RichContact.Engine.Telemetry;

namespace RichContact.Testing;

/// <summary>
/// Listens to the engine's meter of one host (its <see cref="IMeterFactory"/>), as an exporter would,
/// and keeps every measurement; gauges are read when <see cref="Gauges"/> asks.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();
    private readonly ConcurrentDictionary<string, Instrument> _instruments = new();

    public MetricsRecorder(IMeterFactory hostMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != EngineMetrics.MeterName || instrument.Meter.Scope != hostMeters)
                return;
            _instruments[instrument.Name] = instrument;
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyCollection<Instrument> Instruments => _instruments.Values.ToList();

    public IReadOnlyList<Measured> All => _measured.ToList();

    public IReadOnlyList<Measured> Of(string instrument) => _measured.Where(m => m.Instrument == instrument).ToList();

    /// <summary>
    /// The observable gauges read now. A gauge whose source is missing (a test that registers part of
    /// the engine) is left out, as an exporter leaves it out; the others are read all the same.
    /// </summary>
    public IReadOnlyList<Measured> Gauges()
    {
        var before = _measured.Count;
        try
        {
            _listener.RecordObservableInstruments();
        }
        catch (AggregateException)
        {
        }
        return _measured.Skip(before).Where(m => _instruments[m.Instrument].IsObservable).ToList();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new Dictionary<string, string?>();
        foreach (var (key, tag) in tags)
            labels[key] = tag?.ToString();
        _measured.Enqueue(new Measured(instrument.Name, value, labels));
    }

    public void Dispose() => _listener.Dispose();
}
