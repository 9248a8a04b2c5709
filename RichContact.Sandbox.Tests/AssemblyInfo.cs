// One test class at a time, as when these tests ran inside the engine's test project: the fault and
// traffic tests time what the sandbox does and should not share the machine with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
