namespace CrmBlazor.Domain.Common;

/// <summary>
/// The one exception type for a rule the user broke. The UI catches it at its boundary and shows
/// <see cref="Message"/>; <see cref="Field"/> names the input it belongs to, when there is one.
/// Messages are resource keys with arguments so each UI language can render them.
/// </summary>
public class DomainException(string messageKey, string? field = null, params object[] args)
    : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public string? Field { get; } = field;
    public object[] Args { get; } = args;
}

/// <summary>Thrown when someone else saved the same record first.</summary>
public sealed class ConcurrencyConflictException(string messageKey = "Error.ConcurrentEdit")
    : DomainException(messageKey);

/// <summary>Thrown when the current user lacks the role or right for an action.</summary>
public sealed class NotAllowedException(string messageKey = "Error.NotAllowed")
    : DomainException(messageKey);
