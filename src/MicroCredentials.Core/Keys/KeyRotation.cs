namespace MicroCredentials.Keys;

/// <summary>
/// Rotates the keys of a key folder (<c>microcred keys rotate</c>): new Ed25519, P-256 and RSA keys and a renewed seal
/// certificate become the signing keys from a stated moment; the earlier generation's private keys move to
/// <c>retired/&lt;moment&gt;/</c> and its public keys stay in <see cref="KeyHistory"/> with their validity window, so
/// credentials signed before the moment keep verifying and credentials dated after it but signed with the old keys
/// do not.
/// <list type="number">
/// <item>Load the folder's keys (and history) to check they are whole.</item>
/// <item>Refuse when the moment is not after the current generation's start, or a rotation is still pending.</item>
/// <item>Move the current files to <c>retired/&lt;moment&gt;/</c>; generate new ones (same seal password).</item>
/// <item>Write the history: the old generation ends at the moment, the new one starts there.</item>
/// </list>
/// </summary>
public static class KeyRotation
{
    /// <summary>Folder (inside the key folder) the retired generations' private keys move to.</summary>
    public const string RetiredFolder = "retired";

    // Thumbprints and Multikey values do not depend on the controller: any issuer id describes the keys.
    internal const string AnyIssuer = "did:web:localhost";

    /// <summary>Rotates the keys of <paramref name="keyDirectory"/>.</summary>
    /// <param name="keyDirectory">The key folder (ed25519.pem, es256.pem, rs256.pem, seal.p12, optionally key-history.json).</param>
    /// <param name="effectiveFrom">The moment the new keys start signing (now or later); truncated to whole seconds.</param>
    /// <param name="sealPassword">The seal.p12 password; the new seal.p12 gets the same one, so configuration need not change.</param>
    /// <param name="sealSubject">Subject of the renewed self-signed seal certificate.</param>
    /// <param name="time">The clock.</param>
    /// <returns>What was retired and what now signs.</returns>
    /// <exception cref="KeyFileException">The folder's keys or history cannot be read (nothing is changed).</exception>
    /// <exception cref="InvalidOperationException">The moment is not after the current generation's start, or lies in the past,
    /// or an earlier rotation has not taken effect yet (nothing is changed).</exception>
    public static KeyRotationResult Rotate(string keyDirectory, DateTimeOffset effectiveFrom, string sealPassword, string sealSubject, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyDirectory);
        ArgumentNullException.ThrowIfNull(sealPassword);
        ArgumentNullException.ThrowIfNull(time);
        var directory = Path.GetFullPath(keyDirectory);
        var now = time.GetUtcNow();
        var moment = Moment(effectiveFrom, now);

        var historyPath = Path.Combine(directory, KeyHistory.FileName);
        List<KeyGenerationRecord> history;
        using (var current = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(directory, sealPassword), AnyIssuer, time: time))
        {
            history = current.History.Count > 0
                ? [.. current.History]
                : [Describe(current, null)];
        }

        CheckCanRotate(history[^1], moment, now);
        var stamp = Stamp(moment);
        var retiredRelative = Path.Combine(RetiredFolder, stamp);
        var retired = Path.Combine(directory, retiredRelative);
        if (Directory.Exists(retired))
        {
            throw new InvalidOperationException($"{retired} exists already: a rotation at this moment was made before.");
        }

        Directory.CreateDirectory(retired);
        var moved = new List<(string From, string To)>();
        try
        {
            foreach (var name in KeyGenerator.FileNames.Where(n => File.Exists(Path.Combine(directory, n))))
            {
                File.Move(Path.Combine(directory, name), Path.Combine(retired, name));
                moved.Add((Path.Combine(directory, name), Path.Combine(retired, name)));
            }

            var files = KeyGenerator.Generate(directory, new KeyGenerationOptions { SealPassword = sealPassword, SealSubject = sealSubject }, time);
            KeyGenerationRecord next;
            var freshOptions = files.ToOptions();
            // The new files alone (the folder's history still ends with the old keys until it is written below).
            freshOptions.KeyHistoryPath = Path.Combine(retired, "no-" + KeyHistory.FileName);
            using (var fresh = IssuerKeySet.Load(freshOptions, AnyIssuer, time: time))
            {
                next = Describe(fresh, moment);
            }

            var previous = history[^1] with { ValidUntil = moment, PrivateKeys = retiredRelative.Replace('\\', '/') };
            history[^1] = previous;
            history.Add(next);
            new KeyHistory { Generations = history }.Write(historyPath);
            return new KeyRotationResult(retired, previous, next);
        }
        catch
        {
            // Put the folder back as it was: the old keys stay the signing keys.
            foreach (var name in KeyGenerator.FileNames)
            {
                File.Delete(Path.Combine(directory, name));
            }

            foreach (var (from, to) in moved)
            {
                File.Move(to, from);
            }

            Directory.Delete(retired, recursive: true);
            throw;
        }
    }

    /// <summary>The rotation moment in whole seconds; refused when it lies in the past (a minute's grace for typing).</summary>
    internal static DateTimeOffset Moment(DateTimeOffset effectiveFrom, DateTimeOffset now)
    {
        var moment = new DateTimeOffset(effectiveFrom.UtcTicks - (effectiveFrom.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return moment < now.AddMinutes(-1)
            ? throw new InvalidOperationException($"The rotation moment {moment:O} lies in the past: credentials signed since then would carry the old keys. Give now or a later moment.")
            : moment;
    }

    /// <summary>Refuses a rotation while the previous one is pending, or to a moment before the current keys' start.</summary>
    internal static void CheckCanRotate(KeyGenerationRecord current, DateTimeOffset moment, DateTimeOffset now)
    {
        if (current.ValidFrom is { } started && (started > now || moment <= started))
        {
            throw new InvalidOperationException(started > now
                ? $"The previous rotation takes effect only at {started:O}: rotate again after that moment."
                : $"The rotation moment {moment:O} must be after the current keys' start {started:O}.");
        }
    }

    /// <summary>A moment as <c>yyyyMMddTHHmmssZ</c> (folder names, module labels).</summary>
    internal static string Stamp(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    internal static KeyGenerationRecord Describe(IssuerKeySet keys, DateTimeOffset? validFrom)
    {
        var newest = keys.SigningAt(DateTimeOffset.MaxValue);
        return KeyHistory.Describe(newest.Ed25519PublicKeyMultibase, newest.Es256.PublicKey, newest.Rs256.PublicKey, newest.SealCertificate, validFrom)
            with { ModuleKeys = newest.ModuleLabels };
    }
}
