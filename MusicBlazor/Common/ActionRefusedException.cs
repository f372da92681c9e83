namespace MusicBlazor.Common;

/// <summary>A request that breaks a rule not tied to a form field, e.g. an unknown role.</summary>
public sealed class ActionRefusedException(string message) : DomainException(message);
