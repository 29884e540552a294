namespace MicroCredentials.Host.Components.Pages.Verify;

/// <summary>What reading an uploaded image for a QR code gave: the outcome, and the code's text when one was found.</summary>
internal sealed record QrImageRead(QrImageOutcome Outcome, string? Text);
