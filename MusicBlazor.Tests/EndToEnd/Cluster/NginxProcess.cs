using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MusicBlazor.Tests.EndToEnd.Infrastructure;

namespace MusicBlazor.Tests.EndToEnd.Cluster;

/// <summary>
/// Debian's nginx, started with the repository's own <c>deploy/nginx.conf</c>, its server addresses and port
/// replaced by the test's, in a temporary prefix folder (pid, logs, temp files), and stopped again.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    public const string InstallHint = "install it with `apt-get install nginx`";

    private readonly string _folder;

    private NginxProcess(string folder, int port)
    {
        _folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static string? Executable { get; } =
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>nginx in front of servers a and b (their base URLs), on a free port.</summary>
    public static async Task<NginxProcess> StartAsync(string serverA, string serverB)
    {
        var nginx = Executable ?? throw new InvalidOperationException($"nginx was not found; {InstallHint}.");
        var folder = Directory.CreateTempSubdirectory("musicblazor-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "temp"));
        var port = FreePort();
        var deploy = Path.Combine(RepositoryPaths.Root, "deploy");
        var config = (await File.ReadAllTextAsync(Path.Combine(deploy, "nginx.conf")))
            .Replace("127.0.0.1:5101", new Uri(serverA).Authority)
            .Replace("127.0.0.1:5102", new Uri(serverB).Authority)
            .Replace("127.0.0.1:8080", $"127.0.0.1:{port}");
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), config);
        File.Copy(Path.Combine(deploy, "musicblazor-proxy.conf"), Path.Combine(folder, "musicblazor-proxy.conf"));

        var process = new NginxProcess(folder, port);
        await process.RunAsync(nginx);
        await WaitForPortAsync(port);
        return process;
    }

    private async Task RunAsync(string nginx, params string[] extra)
    {
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true };
        foreach (var argument in new[] { "-p", _folder, "-c", Path.Combine(_folder, "nginx.conf") }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nginx {string.Join(' ', extra)} failed: {error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nginx did not listen on {port}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Executable is not null && File.Exists(Path.Combine(_folder, "nginx.pid")))
        {
            await RunAsync(Executable, "-s", "stop");
        }

        Directory.Delete(_folder, recursive: true);
    }
}
