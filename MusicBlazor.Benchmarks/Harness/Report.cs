using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>A target from the issue, checked against one measured figure.</summary>
internal sealed record TargetCheck(string Target, string Figure, double Value, string Comparison, double Threshold, bool Met)
{
    public static TargetCheck AtMost(string target, string figure, double value, double threshold) =>
        new(target, figure, value, "<=", threshold, value <= threshold);

    public static TargetCheck AtLeast(string target, string figure, double value, double threshold) =>
        new(target, figure, value, ">=", threshold, value >= threshold);

    public static TargetCheck Below(string target, string figure, double value, double threshold) =>
        new(target, figure, value, "<", threshold, value < threshold);

    public static TargetCheck Equal(string target, string figure, double value, double expected) =>
        new(target, figure, value, "==", expected, value == expected);
}

/// <summary>One scenario at one size (and, where a scenario has several, one case): raw figures, ratios, targets.</summary>
internal sealed class ResultRow
{
    public required string Scenario { get; init; }
    public string Case { get; init; } = "";
    public required long Size { get; init; }
    public required string SizeLabel { get; init; }
    /// <summary>What the table shows, in column order (formatted text).</summary>
    [JsonIgnore]
    public List<(string Column, string Text)> Display { get; } = [];
    public Dictionary<string, double> Figures { get; } = [];
    public Dictionary<string, double> Ratios { get; } = [];
    public List<TargetCheck> Targets { get; } = [];
    public Dictionary<string, object?> Details { get; } = [];
    public List<string> Notes { get; } = [];

    public ResultRow Show(string column, string text)
    {
        Display.Add((column, text));
        return this;
    }

    /// <summary>A sample's order statistics as figures: <paramref name="name"/>P50Ms, …P95Ms, …P99Ms, …MinMs and …MaxMs.</summary>
    public ResultRow Summarize(string name, Summary summary)
    {
        Figures[$"{name}P50Ms"] = summary.P50;
        Figures[$"{name}P95Ms"] = summary.P95;
        Figures[$"{name}P99Ms"] = summary.P99;
        Figures[$"{name}MinMs"] = summary.Min;
        Figures[$"{name}MaxMs"] = summary.Max;
        return this;
    }
}

internal sealed class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public List<ResultRow> Rows { get; } = [];
    public List<(string Scenario, string Message)> Failures { get; } = [];

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value < 10 ? value.ToString("0.000", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);
    public static string Ratio(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture) + "×";
    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
    public static string Bytes(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + " B";
    public static string Percent(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " %";

    public string ToMarkdown(BenchOptions options)
    {
        var md = new StringBuilder();
        md.AppendLine($"## MusicBlazor benchmarks ({(options.Quick ? "quick" : "full")} run)");
        md.AppendLine();
        md.AppendLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var group in Rows.GroupBy(r => r.Scenario))
        {
            md.AppendLine();
            md.AppendLine($"### {group.Key}");
            md.AppendLine();
            var columns = group.SelectMany(r => r.Display.Select(d => d.Column)).Distinct().ToList();
            md.AppendLine("| " + string.Join(" | ", columns) + " |");
            md.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
            foreach (var row in group)
            {
                md.AppendLine("| " + string.Join(" | ", columns.Select(c => row.Display.FirstOrDefault(d => d.Column == c).Text ?? "")) + " |");
            }

            foreach (var note in group.SelectMany(r => r.Notes).Distinct())
            {
                md.AppendLine();
                md.AppendLine($"- {note}");
            }
        }

        var targets = Rows.SelectMany(r => r.Targets.Select(t => (Row: r, Target: t))).ToList();
        if (targets.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### Targets");
            md.AppendLine();
            md.AppendLine("| Target | Where | Figure | Required | Status |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var (row, target) in targets)
            {
                var where = string.IsNullOrEmpty(row.Case) ? $"{row.Scenario}, {row.SizeLabel}" : $"{row.Scenario}, {row.Case}, {row.SizeLabel}";
                md.AppendLine($"| {target.Target} | {where} | {target.Figure} = {Format(target.Value)} | {target.Comparison} {Format(target.Threshold)} | {(target.Met ? "met" : "**not met**")} |");
            }
        }

        foreach (var (scenario, message) in Failures)
        {
            md.AppendLine();
            md.AppendLine($"**{scenario} failed:** {message}");
        }

        return md.ToString();
    }

    private static string Format(double value) => Math.Abs(value) >= 1000 || value == Math.Floor(value)
        ? value.ToString("#,0.##", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    public async Task WriteJsonAsync(BenchOptions options, string markdown)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        var document = new
        {
            generatedAtUtc = DateTime.UtcNow,
            mode = options.Quick ? "quick" : "full",
            machine = new
            {
                processorCount = Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
                totalAvailableMemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
                serverGc = System.Runtime.GCSettings.IsServerGC,
            },
            results = Rows,
            targets = Rows.SelectMany(r => r.Targets.Select(t => new { r.Scenario, r.Case, r.Size, r.SizeLabel, t.Target, t.Figure, t.Value, t.Comparison, t.Threshold, t.Met })),
            failures = Failures.Select(f => new { scenario = f.Scenario, message = f.Message }),
            markdown,
        };
        await File.WriteAllTextAsync(options.OutputPath, JsonSerializer.Serialize(document, Json));
    }
}
