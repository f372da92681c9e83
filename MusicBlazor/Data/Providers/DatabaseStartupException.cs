namespace MusicBlazor.Data.Providers;

/// <summary>The database cannot be used as configured. The message is one line naming the setting to fix; Program prints it instead of a stack trace.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);
