using System.Diagnostics;
using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Notifications.Hub;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 7. P open artist pages, each a circuit whose hub is subscribed to a different artist, plus L artist-list pages.
/// An admin renames one artist E times through ArtistService. Reports how many deliveries the bus made (one per
/// change and listening hub, ChangeBus.Deliveries) against the pages that needed one, and the time from the
/// commit until the renamed artist's page had its change.
/// </summary>
internal sealed class PerRecordRouting : IScenario
{
    private const int ListPages = 10;
    private const int Edits = 20;

    public string Key => "routing";
    public string Title => "7. Per-record routing";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        var pages = options.Quick ? 1_000 : 10_000;
        await using var host = await BenchHost.StartAsync("routing");
        var admin = Guid.CreateVersion7();
        var artists = Seeder.NewIds(pages);
        await using (var seed = await host.OpenRawAsync())
        {
            await Seeder.UsersAsync(seed, [admin]);
            await Seeder.RoleAsync(seed, admin, Roles.Admin);
            for (var i = 0; i < pages; i++)
            {
                await Seeder.ArtistAsync(seed, artists[i], $"Routed artist {i:00000}");
            }
        }

        await host.CatchUpAsync();
        await host.CheckpointAsync();
        var circuits = new List<Circuit>();
        var edited = artists[pages / 2];
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long receivedAt = 0;
        var listDeliveries = 0;
        for (var i = 0; i < pages; i++)
        {
            var circuit = host.OpenCircuit(Guid.CreateVersion7());
            circuits.Add(circuit);
            var mine = artists[i] == edited;
            circuit.Get<NotificationHub>().Subscribe(Topic.Artist(artists[i]), _ =>
            {
                if (mine)
                {
                    receivedAt = Stopwatch.GetTimestamp();
                    received.TrySetResult();
                }

                return Task.CompletedTask;
            });
        }

        for (var i = 0; i < ListPages; i++)
        {
            var circuit = host.OpenCircuit(Guid.CreateVersion7());
            circuits.Add(circuit);
            circuit.Get<NotificationHub>().Subscribe(Topic.ArtistList, _ =>
            {
                Interlocked.Increment(ref listDeliveries);
                return Task.CompletedTask;
            });
        }

        await using var adminCircuit = host.OpenCircuit(admin, Roles.Admin);
        var artistService = adminCircuit.Get<ArtistService>();
        var latencies = new List<double>();
        var deliveriesBefore = host.Bus.Deliveries;
        for (var edit = 0; edit < Edits; edit++)
        {
            received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await artistService.UpdateAsync(edited, new ArtistInput { Name = $"Renamed {edit:00}" });
            await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            latencies.Add(Timing.ElapsedMs(host.PublishClock.LastCommitTimestamp, receivedAt));
            await host.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(30));
        }

        var deliveries = host.Bus.Deliveries - deliveriesBefore;
        var needed = (long)Edits * (1 + ListPages);
        var broadcast = (long)Edits * (pages + ListPages);
        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync();
        }

        var latency = Summary.Of(latencies);
        var row = new ResultRow { Scenario = Title, Size = pages, SizeLabel = $"{pages:N0} artist pages + {ListPages} lists" };
        row.Show("Edits", Report.Count(Edits))
            .Show("deliveries made", Report.Count(deliveries))
            .Show("pages that needed one", Report.Count(needed))
            .Show("broadcast to every live page would be", Report.Count(broadcast))
            .Show("commit → edited page p50 / p95 ms", $"{Report.Ms(latency.P50)} / {Report.Ms(latency.P95)}");
        row.Figures["deliveries"] = deliveries;
        row.Figures["needed"] = needed;
        row.Figures["broadcast"] = broadcast;
        row.Figures["latencyP50Ms"] = latency.P50;
        row.Figures["latencyP95Ms"] = latency.P95;
        row.Figures["listDeliveries"] = listDeliveries;
        row.Targets.Add(TargetCheck.Equal("Routing: deliveries == pages that needed one", "deliveries", deliveries, needed));
        row.Notes.Add("Each edit is one artist change (the rename); it belongs to the artist's topic and to the artist list's. "
            + "Deliveries = ChangeBus.Deliveries, one per (change, listening hub). 'Broadcast' is what routing every catalog change to every "
            + "page that wanted catalog changes (the design before the change log) would have handed out; it is computed, not measured.");
        report.Rows.Add(row);
    }
}
