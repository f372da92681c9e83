using System.Diagnostics;
using System.Globalization;
using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>A Stopwatch breakdown of one traced operation: each EF command and the gaps (client work) between them.</summary>
internal static class Breakdown
{
    public static async Task<List<string>> TraceAsync(BenchHost host, Func<Task> operation)
    {
        var trace = new List<CommandSpan>();
        host.Commands.Trace = trace;
        var start = Stopwatch.GetTimestamp();
        try
        {
            await operation();
        }
        finally
        {
            host.Commands.Trace = null;
        }

        var end = Stopwatch.GetTimestamp();
        var publish = host.PublishClock.LastCommitTimestamp;
        var lines = new List<string>();
        var cursor = start;
        foreach (var span in trace)
        {
            lines.Add($"client {Ms(cursor, span.Start)} ms");
            var spanEnd = span.End == 0 ? span.Start : span.End;
            lines.Add($"command {Ms(span.Start, spanEnd)} ms: {Shorten(span.Sql)}");
            cursor = spanEnd;
        }

        if (publish > cursor && publish <= end)
        {
            lines.Add($"client + commit until publish {Ms(cursor, publish)} ms");
            cursor = publish;
        }

        lines.Add($"until return {Ms(cursor, end)} ms");
        lines.Add($"total {Ms(start, end)} ms");
        return lines;
    }

    private static string Ms(long from, long to) => Timing.ElapsedMs(from, to).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 90 ? flat : flat[..90] + "…";
    }
}
