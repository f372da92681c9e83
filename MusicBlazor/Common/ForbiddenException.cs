namespace MusicBlazor.Common;

/// <summary>The signed-in user (or an anonymous visitor) may not perform the requested action.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
