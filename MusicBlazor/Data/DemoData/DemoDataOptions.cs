namespace MusicBlazor.Data.DemoData;

/// <summary>The "DemoData" section of appsettings.json.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Fill an empty database with invented artists, albums and tracks on start-up.</summary>
    public bool Enabled { get; set; }

    /// <summary>Also create the three demo accounts. Development turns it on; elsewhere only an explicit setting does.</summary>
    public bool SeedDemoAccounts { get; set; }

    public string DemoPassword { get; set; } = "Demo-password-1";
}
