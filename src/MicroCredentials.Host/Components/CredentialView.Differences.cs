namespace MicroCredentials.Host.Components;

public sealed partial record CredentialView
{
    /// <summary>
    /// The values an employer relies on, in page order, with the text key of their label and the name the API uses:
    /// what a forger would change (name, grade, title, ECTS, dates, issuer).
    /// </summary>
    public IReadOnlyList<(string Field, string LabelKey, string? Value)> KeyFacts() =>
    [
        ("learner_name", "Field.Learner", LearnerName),
        ("title", "Field.Title", Title),
        ("ects", "Field.Ects", Ects),
        ("eqf_level", "Field.Eqf", EqfLevel),
        ("grade", "Field.Grade", Grade),
        ("awarded_on", "Field.Awarded", AwardedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("issued_on", "Field.Issued", IssuedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("valid_until", "Field.ValidUntil", ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("period_start", "Field.Period", PeriodStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("period_end", "Field.Period", PeriodEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("issuer_name", "Field.Issuer", IssuerName),
        ("issuer_id", "Tech.IssuerId", IssuerId),
    ];

    /// <summary>Where this (unconfirmed) view differs from the <paramref name="genuine"/> one we hold.</summary>
    public IReadOnlyList<FactDifference> DifferencesFrom(CredentialView genuine)
    {
        ArgumentNullException.ThrowIfNull(genuine);
        var theirs = genuine.KeyFacts();
        return [.. KeyFacts().Zip(theirs)
            .Where(p => !string.Equals(p.First.Value, p.Second.Value, StringComparison.Ordinal))
            .Select(p => new FactDifference(p.First.Field, p.First.LabelKey, p.First.Value, p.Second.Value))];
    }
}
