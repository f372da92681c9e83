namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// The scenarios, in run order. This is the extension point: a new scenario implements <see cref="IScenario"/>
/// and is added here (and reports through <see cref="Harness.Report"/>, so it lands in the table and the JSON).
/// </summary>
internal static class ScenarioList
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new FanOutWrite(),
        new LiveDelivery(),
        new MemoryPerCircuit(),
        new Browsing(),
        // 5. "In the browser" (real Chromium circuits) is not implemented yet; it belongs here as its own
        // IScenario (e.g. Scenarios/InBrowser.cs). Until then nothing is printed for it.
    ];
}
