namespace CrmBlazor.Domain.Common;

/// <summary>Input that breaks one or more field rules; each error is a message key keyed by field name.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string> errors)
    : DomainException("Error.Validation")
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string messageKey) =>
        new(new Dictionary<string, string> { [field] = messageKey });
}

/// <summary>Collects field errors and throws them all at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _errors = [];

    public IReadOnlyDictionary<string, string> Errors => _errors;

    public void Add(string field, string messageKey) => _errors.TryAdd(field, messageKey);

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new ValidationFailedException(_errors);
    }
}
