using MicroCredentials.Data;

namespace MicroCredentials.Host.Staff.Find;

/// <summary>What an action page shows: the credential concerned, the step (form or confirmation) and what was entered.</summary>
public sealed record ActionPageModel
{
    /// <summary>The action.</summary>
    public required FindAction Action { get; init; }

    /// <summary>The credential concerned.</summary>
    public required StoredCredential Credential { get; init; }

    /// <summary>Its micro-credential's title.</summary>
    public required string Title { get; init; }

    /// <summary>True on the confirmation step (the form was filled in correctly; nothing has happened yet).</summary>
    public bool Confirming { get; init; }

    /// <summary>The reason entered.</summary>
    public string? Reason { get; init; }

    /// <summary>The learner's e-mail (re-issue only; needed again, as only its hash is stored).</summary>
    public string? Email { get; init; }

    /// <summary>The corrected name (re-issue only).</summary>
    public string? Name { get; init; }

    /// <summary>The corrected grade (re-issue only; empty for none).</summary>
    public string? Grade { get; init; }

    /// <summary>The grade the credential has now (re-issue only).</summary>
    public string? CurrentGrade { get; init; }

    /// <summary>A problem with what was entered, already translated; null when none.</summary>
    public string? Error { get; init; }

    /// <summary>True when the action does not apply to the credential's state (nothing can be done).</summary>
    public bool NotApplicable { get; init; }
}
