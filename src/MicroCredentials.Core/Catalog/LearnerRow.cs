namespace MicroCredentials.Catalog;

/// <summary>One learner who passed, as read from the student administration's CSV export.</summary>
public sealed record LearnerRow
{
    /// <summary>1-based line number in the file (the header is line 1).</summary>
    public required int Line { get; init; }

    /// <summary>E-mail address as given.</summary>
    public required string Email { get; init; }

    /// <summary>Full name as it must appear on the certificate.</summary>
    public required string Name { get; init; }

    /// <summary>Micro-credential code from the catalogue.</summary>
    public required string Code { get; init; }

    /// <summary>Date of the exam board's decision.</summary>
    public required DateOnly Awarded { get; init; }

    /// <summary>Mark, when the micro-credential has a graded scale.</summary>
    public string? Grade { get; init; }

    /// <summary>First day of the learning activity.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last day of the learning activity.</summary>
    public DateOnly? End { get; init; }

    /// <summary>The learner's language for e-mail (<c>nl</c>, <c>en</c> or <c>fr</c>), when the file has a language column.</summary>
    public string? Language { get; init; }

    /// <summary>The e-mail normalised for hashing and idempotency: trimmed, lower-case (invariant).</summary>
    public string NormalizedEmail => NormalizeEmail(Email);

    /// <summary>Trims and lower-cases an e-mail address (the documented normalisation before hashing).</summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
