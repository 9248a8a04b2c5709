// Hangfire keeps some configuration in static state, so test classes that start engines run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
