namespace MusicBlazor.Data.Providers;

/// <summary>Which database the app runs on: <c>Database:Provider</c> in appsettings.json.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviderSetting
{
    public const string Key = "Database:Provider";

    /// <summary>The configured provider; SQLite when the setting is absent. Anything else is refused with the setting's name.</summary>
    public static DatabaseProvider Read(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new DatabaseStartupException($"{Key} is '{value}'; it must be Sqlite or Postgres.");
    }
}
