using CrmBlazor.Domain.Common;
using CrmBlazor.Localization;

namespace CrmBlazor.Common;

/// <summary>
/// Reads the domain may refuse (a record gone meanwhile, a right missing, a hand-edited link): the page shows the
/// refusal's message instead of the data. Any other exception is not caught. Unlike <see cref="FormSubmission"/> a read
/// never waits for another: a live reload and a click on "next page" both run.
/// </summary>
public static class DomainReads
{
    /// <summary>Runs <paramref name="read"/>; returns the refusal's message, or null when it went through.</summary>
    public static async Task<string?> MessageIfRefusedAsync(this Text text, Func<Task> read)
    {
        try
        {
            await read();
            return null;
        }
        catch (DomainException refusal)
        {
            return text.Message(refusal);
        }
    }

    /// <inheritdoc cref="MessageIfRefusedAsync"/>
    public static string? MessageIfRefused(this Text text, Action read)
    {
        try
        {
            read();
            return null;
        }
        catch (DomainException refusal)
        {
            return text.Message(refusal);
        }
    }
}
