using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Notifications.Hub;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 3. Managed heap per subscribed hub at S circuits, net of what a bare signed-in DI scope costs, and a leak check:
/// many subscribe/dispose cycles must leave no sink on the bus, no live hub or subscriber, and no heap growth.
/// </summary>
internal sealed class MemoryPerCircuit : IScenario
{
    private const int Circuits = 10_000;
    private const int Cycles = 10_000;

    public string Key => "memory";
    public string Title => "3. Memory per circuit and leaks";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        await using var host = await BenchHost.StartAsync("memory");
        var users = Seeder.NewIds(Circuits);
        await using (var seed = await host.OpenRawAsync())
        {
            await Seeder.UsersAsync(seed, users);
        }

        static Task<IDisposable> SubscribeAsync(Circuit circuit) =>
            circuit.Get<NotificationHub>().SubscribeToNotificationsAsync(_ => Task.CompletedTask);

        // Warm-up: JIT, tiering, pools and the bus's dictionaries reach their steady shape.
        for (var i = 0; i < 500; i++)
        {
            await using var circuit = host.OpenCircuit(users[i % users.Length]);
            await circuit.Get<ICurrentActor>().GetAsync();
            using var subscription = await SubscribeAsync(circuit);
        }

        // A bare circuit: a DI scope with its signed-in user resolved (what every circuit pays, hub or not).
        var baseline = Heap.SettledBytes();
        var bare = new List<Circuit>(Circuits);
        for (var i = 0; i < Circuits; i++)
        {
            var circuit = host.OpenCircuit(users[i]);
            await circuit.Get<ICurrentActor>().GetAsync();
            bare.Add(circuit);
        }

        var withBare = Heap.SettledBytes();
        var barePerCircuit = (double)(withBare - baseline) / Circuits;
        foreach (var circuit in bare)
        {
            await circuit.DisposeAsync();
        }

        bare.Clear();

        // The same circuits, each with its NotificationHub subscribed to notifications.
        var baseline2 = Heap.SettledBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var withHub = new List<(Circuit Circuit, IDisposable Subscription)>(Circuits);
        for (var i = 0; i < Circuits; i++)
        {
            var circuit = host.OpenCircuit(users[i]);
            await circuit.Get<ICurrentActor>().GetAsync();
            withHub.Add((circuit, await SubscribeAsync(circuit)));
        }

        var allocatedPerCircuit = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Circuits;
        var withHubs = Heap.SettledBytes();
        var sinksAttached = host.Bus.SinkCount;
        var hubPerCircuit = (double)(withHubs - baseline2) / Circuits;
        var perHub = hubPerCircuit - barePerCircuit;
        foreach (var (circuit, subscription) in withHub)
        {
            subscription.Dispose();
            await circuit.DisposeAsync();
        }

        withHub.Clear();

        // Leak check: subscribe/dispose cycles as circuits come and go (component disposes its token, then the circuit ends).
        // Weak GC handles (native, preallocated array) watch every hub without adding to the managed heap being measured.
        var hubs = new GCHandle[Cycles];
        var beforeCycles = Heap.SettledBytes();
        await RunCyclesAsync(host, users, hubs);
        // Let the thread pool run a few unrelated items: a pool thread's local state can still reference the very last
        // completed work item (the last hub's pump), which is not a leak (checked: without this, only hub #9,999 is alive).
        for (var k = 0; k < 4; k++)
        {
            await Task.Run(() => { });
            await Task.Delay(5);
        }

        var afterCycles = Heap.SettledBytes();
        var liveHubs = 0;
        var liveSubscribers = 0;
        var liveIndexes = new List<int>();
        for (var i = 0; i < hubs.Length; i++)
        {
            var handle = hubs[i];
            if (handle.Target is NotificationHub hub)
            {
                liveHubs++;
                liveIndexes.Add(i);
                liveSubscribers += hub.SubscriberCount;
            }

            handle.Free();
        }

        var sinksLeft = host.Bus.SinkCount;
        var growth = (afterCycles - beforeCycles) * 100.0 / beforeCycles;

        var row = new ResultRow { Scenario = Title, Size = Circuits, SizeLabel = $"S={Circuits:N0}, {Cycles:N0} cycles" };
        row.Show("Circuits", Report.Count(Circuits))
            .Show("bare scope B/circuit", Report.Bytes(barePerCircuit))
            .Show("scope+hub B/circuit", Report.Bytes(hubPerCircuit))
            .Show("hub B (net)", Report.Bytes(perHub))
            .Show("allocated B/subscribe", Report.Bytes(allocatedPerCircuit))
            .Show("cycles", Report.Count(Cycles))
            .Show("sinks left", Report.Count(sinksLeft))
            .Show("live hubs / subscribers left", $"{liveHubs} / {liveSubscribers}")
            .Show("heap before → after cycles", $"{beforeCycles / 1024.0 / 1024.0:0.00} → {afterCycles / 1024.0 / 1024.0:0.00} MiB")
            .Show("heap growth", Report.Percent(growth));
        row.Figures["bareScopeBytesPerCircuit"] = barePerCircuit;
        row.Figures["scopeWithHubBytesPerCircuit"] = hubPerCircuit;
        row.Figures["hubBytesNet"] = perHub;
        row.Figures["allocatedBytesPerSubscribedCircuit"] = allocatedPerCircuit;
        row.Figures["sinksAttachedAtS"] = sinksAttached;
        row.Figures["heapBaselineBytes"] = baseline;
        row.Figures["heapWithBareScopesBytes"] = withBare;
        row.Figures["heapBaseline2Bytes"] = baseline2;
        row.Figures["heapWithHubsBytes"] = withHubs;
        row.Figures["heapBeforeCyclesBytes"] = beforeCycles;
        row.Figures["heapAfterCyclesBytes"] = afterCycles;
        row.Figures["heapGrowthPercent"] = growth;
        row.Figures["sinkCountAfterCycles"] = sinksLeft;
        row.Figures["liveHubsAfterCycles"] = liveHubs;
        row.Figures["liveSubscribersAfterCycles"] = liveSubscribers;
        row.Details["liveHubCycleIndexes"] = liveIndexes.Take(20).ToList();
        row.Targets.Add(TargetCheck.AtMost("Memory: <= 4 KB heap per subscribed hub beyond the circuit", "hub bytes (net)", Math.Round(perHub), 4096));
        row.Targets.Add(TargetCheck.Equal("Memory: zero sinks after cycles", "ChangeBus.SinkCount", sinksLeft, 0));
        row.Targets.Add(TargetCheck.Equal("Memory: zero subscribers after cycles", "live hubs + subscribers", liveHubs + liveSubscribers, 0));
        row.Targets.Add(TargetCheck.Below("Memory: < 5 % heap growth after cycles", "heap growth %", Math.Round(growth, 3), 5));
        row.Notes.Add("Heap = GC.GetTotalMemory after GC.Collect(2, Forced, blocking, compacting) + WaitForPendingFinalizers + a second collect. "
            + "Bare scope = a DI scope whose signed-in user was resolved (ICurrentActor); hub (net) = scope+hub − bare scope. "
            + "Live hubs are counted through weak references after the final collection.");
        report.Rows.Add(row);
    }

    // A separate method, so that no local of the caller's state machine keeps the last circuit or hub alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task RunCyclesAsync(BenchHost host, Guid[] users, GCHandle[] hubs)
    {
        for (var i = 0; i < hubs.Length; i++)
        {
            await CycleAsync(host, users[i % users.Length], hubs, i);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task CycleAsync(BenchHost host, Guid user, GCHandle[] hubs, int i)
    {
        await using var circuit = host.OpenCircuit(user);
        var hub = circuit.Get<NotificationHub>();
        hubs[i] = GCHandle.Alloc(hub, GCHandleType.Weak);
        var subscription = await hub.SubscribeToNotificationsAsync(_ => Task.CompletedTask);
        if (i % 2 == 0)
        {
            // Half the cycles drop the token first (component disposed), half rely on the circuit's disposal alone.
            subscription.Dispose();
        }
    }
}
