using System.Diagnostics;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Benchmarks.Scenarios;

var options = BenchOptions.Parse(args);
var report = new Report();
var total = Stopwatch.StartNew();
Console.WriteLine($"MusicBlazor benchmarks: {(options.Quick ? "quick" : "full")} run, {Environment.ProcessorCount} cores, output {options.OutputPath}");

foreach (var scenario in ScenarioList.All.Where(s => options.Includes(s.Key)))
{
    var watch = Stopwatch.StartNew();
    Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {scenario.Title} ...");
    try
    {
        await scenario.RunAsync(options, report);
    }
    catch (Exception ex)
    {
        // One broken scenario must not lose the others' figures; the failure is reported and fails the exit code.
        Console.Error.WriteLine(ex);
        report.Failures.Add((scenario.Title, ex.GetType().Name + ": " + ex.Message));
    }

    Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {scenario.Title} done in {watch.Elapsed.TotalSeconds:0.0} s");
}

var markdown = report.ToMarkdown(options);
Console.WriteLine();
Console.WriteLine(markdown);
await report.WriteJsonAsync(options, markdown);
Console.WriteLine($"Wrote {options.OutputPath} ({total.Elapsed.TotalSeconds:0} s in all)");
return report.Failures.Count == 0 ? 0 : 1;
