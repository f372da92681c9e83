namespace MusicBlazor.TestSupport.Browsers;

/// <summary>Debian's Chromium, which Playwright drives (the package mirror cannot download Playwright's own browsers).</summary>
public static class Chromium
{
    public const string InstallHint = "install it with `apt-get install chromium` (Debian) or set CHROMIUM_PATH";

    public static string? ExecutablePath { get; } =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skipped test or scenario.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>No background traffic into the closed network; no sandbox or /dev/shm, which containers lack.</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];
}
