namespace MusicBlazor.Common;

/// <summary>
/// An action refused or failed for a reason the user can act on; its message is written for them. Pages show it,
/// and anything else that escapes a service is a bug.
/// </summary>
public abstract class DomainException(string message, Exception? inner = null) : Exception(message, inner);
