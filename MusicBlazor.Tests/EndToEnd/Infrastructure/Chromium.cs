namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>Debian's Chromium, which Playwright drives (the mirror cannot download Playwright's own browsers).</summary>
public static class Chromium
{
    public const string InstallHint = "install it with `apt-get install chromium` (Debian) or set CHROMIUM_PATH";

    public static string? ExecutablePath { get; } = Find();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Args { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));
}
