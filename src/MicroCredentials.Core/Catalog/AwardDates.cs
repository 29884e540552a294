using System.Globalization;

namespace MicroCredentials.Catalog;

/// <summary>
/// The rules for the dates of an award, shared by the CSV reader (and so the issuance API and the CLI) and checked
/// again before signing: every date lies in or after <see cref="CoreLimits.EarliestLearnerDateYear"/>; the award
/// date lies between the course start (when given) and today.
/// </summary>
public static class AwardDates
{
    /// <summary>
    /// Today's date on the clock's local calendar (the academy's: an exam board that decides at 00:30 in Brussels
    /// decides "today", although it is still yesterday in UTC).
    /// </summary>
    /// <param name="time">The clock.</param>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetLocalNow().DateTime);
    }

    /// <summary>Why a start, end or award date cannot be right, or <see langword="null"/>.</summary>
    /// <param name="date">The date.</param>
    public static string? YearProblem(DateOnly date) => date.Year < CoreLimits.EarliestLearnerDateYear
        ? $"{Iso(date)} lies before {CoreLimits.EarliestLearnerDateYear}; check the year."
        : null;

    /// <summary>Why an award date cannot be right, or <see langword="null"/>.</summary>
    /// <param name="awarded">The exam board's date.</param>
    /// <param name="start">The first day of the course, when known.</param>
    /// <param name="today">Today (<see cref="Today"/>).</param>
    public static string? AwardedProblem(DateOnly awarded, DateOnly? start, DateOnly today) =>
        YearProblem(awarded)
        ?? (awarded > today ? $"the award date {Iso(awarded)} lies in the future (today is {Iso(today)}); give the exam board's date." : null)
        ?? (start is { } s && awarded < s ? $"the award date {Iso(awarded)} lies before the course start {Iso(s)}." : null);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
