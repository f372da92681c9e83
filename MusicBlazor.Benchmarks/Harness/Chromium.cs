namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Debian's Chromium, which Playwright drives (the package mirror cannot download Playwright's own browsers).</summary>
internal static class Chromium
{
    public const string InstallHint = "install chromium (apt-get install chromium) or set CHROMIUM_PATH";

    public static string? ExecutablePath { get; } =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skipped scenario.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The flags of docs/platform.md section 5 (no background traffic into the closed network), as the end-to-end tests use them.</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];
}
