using MusicBlazor.TestSupport.Browsers;

namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>
/// A browser test. Without Chromium it is skipped with instructions, except under CI=true, where it runs and
/// fails: CI must never pass without having driven a browser.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndToEndFactAttribute : FactAttribute
{
    public EndToEndFactAttribute()
    {
        if (Chromium.ExecutablePath is null && !Chromium.IsCi)
        {
            Skip = $"End-to-end test skipped: Chromium was not found; {Chromium.InstallHint}.";
        }
    }
}
