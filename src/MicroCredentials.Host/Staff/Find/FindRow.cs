using MicroCredentials.Data;

namespace MicroCredentials.Host.Staff.Find;

/// <summary>One credential in a result list: who, what, when, where it stands and its printed code.</summary>
/// <param name="Handle">The handle (the credential page's address).</param>
/// <param name="LearnerName">The learner's name as the credential states it.</param>
/// <param name="Title">The micro-credential's title in the page language (from the catalogue).</param>
/// <param name="IssuedOn">The issue date.</param>
/// <param name="State">Valid, revoked, suspended or superseded.</param>
/// <param name="ShortCode">The short code printed under the QR code.</param>
public sealed record FindRow(string Handle, string? LearnerName, string Title, DateOnly IssuedOn, CredentialState State, string ShortCode);
