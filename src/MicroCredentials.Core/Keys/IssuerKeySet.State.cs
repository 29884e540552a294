using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;

namespace MicroCredentials.Keys;

/// <summary>The keys of one load of the key set; replaced whole by <see cref="IssuerKeySet.Reload"/>.</summary>
public sealed partial class IssuerKeySet
{
    private sealed class State
    {
        public readonly Dictionary<string, byte[]> Ed25519ByVerificationMethod = new(StringComparer.Ordinal);
        public readonly Dictionary<string, KeyValidityWindow> WindowsByFragment = new(StringComparer.Ordinal);
        public readonly List<X509Certificate2> HistorySeals = [];

        public State(string issuerId, IReadOnlyList<IssuerSigningKeys> signing, IReadOnlyList<KeyGenerationRecord> history,
            IReadOnlyList<byte[]> retiredEd25519, IReadOnlyList<JwtPublicKey> retiredJwt, IReadOnlyList<string> earlierIssuerIds)
        {
            IssuerId = issuerId;
            Signing = [.. signing.OrderBy(s => s.Window.ValidFrom ?? DateTimeOffset.MinValue)];
            var newest = Signing[^1];
            History = history;

            var historyJwt = history.SelectMany(h => new[] { h.Es256, h.Rs256 })
                .Select(jwk => JwtPublicKey.TryFromJwk(jwk, issuerId, out var key, out var error) ? key!
                    : throw new KeyFileException(KeyHistory.FileName, "a JWT key in the history is not readable: " + error)).ToList();
            List<string> multibases =
            [
                newest.Ed25519PublicKeyMultibase,
                .. Signing.Reverse().Select(s => s.Ed25519PublicKeyMultibase),
                .. history.Reverse().Select(h => h.Ed25519),
                .. retiredEd25519.Select(k => Multikey.EncodeEd25519PublicKey(k)),
            ];
            Ed25519PublicKeysMultibase = [.. multibases.Distinct(StringComparer.Ordinal)];
            EarlierIssuerIds = [.. earlierIssuerIds.Where(id => id != issuerId).Distinct(StringComparer.Ordinal)];
            foreach (var multibase in Ed25519PublicKeysMultibase)
            {
                if (!Multikey.TryDecodeEd25519PublicKey(multibase, out var publicKey))
                {
                    throw new KeyFileException(KeyHistory.FileName, $"'{multibase}' is not an Ed25519 Multikey");
                }

                Ed25519ByVerificationMethod[issuerId + "#" + multibase] = publicKey;
                foreach (var earlier in EarlierIssuerIds)
                {
                    Ed25519ByVerificationMethod[earlier + "#" + multibase] = publicKey;
                }
            }

            List<JwtPublicKey> current =
            [
                newest.Es256.PublicKey, newest.Rs256.PublicKey,
                .. Signing.Reverse().SelectMany(s => new[] { s.Es256.PublicKey, s.Rs256.PublicKey }),
                .. Enumerable.Reverse(historyJwt),
                .. retiredJwt.Where(k => k.Controller == issuerId),
            ];
            current = [.. current.DistinctBy(k => k.Thumbprint)];
            JwtPublicKeys = [.. current, .. EarlierIssuerIds.SelectMany(earlier => current.Select(k => IssuerKeySet.UnderEarlierIssuer(k, earlier)))];

            List<X509Certificate2> seals = [.. Signing.Reverse().Select(s => s.SealCertificate).OfType<X509Certificate2>()];
            foreach (var record in history.Reverse().Where(h => h.SealCertificate is not null))
            {
                var der = Convert.FromBase64String(record.SealCertificate!);
                if (!seals.Any(c => c.RawDataMemory.Span.SequenceEqual(der)))
                {
                    var certificate = X509CertificateLoader.LoadCertificate(der);
                    HistorySeals.Add(certificate);
                    seals.Add(certificate);
                }
            }

            SealCertificates = seals;

            foreach (var (record, index) in history.Select((h, i) => (h, i)))
            {
                WindowsByFragment[record.Ed25519] = record.Window;
                WindowsByFragment[historyJwt[2 * index].Thumbprint] = record.Window;
                WindowsByFragment[historyJwt[(2 * index) + 1].Thumbprint] = record.Window;
            }

            foreach (var keys in Signing.Where(s => s.Window.ValidFrom is not null || s.Window.ValidUntil is not null))
            {
                WindowsByFragment[keys.Ed25519PublicKeyMultibase] = keys.Window;
                WindowsByFragment[keys.Es256.PublicKey.Thumbprint] = keys.Window;
                WindowsByFragment[keys.Rs256.PublicKey.Thumbprint] = keys.Window;
            }

            OriginalKeys = history.Count > 0
                ? new KeyFingerprints(history[0].Ed25519, historyJwt[0].Thumbprint, historyJwt[1].Thumbprint)
                : new KeyFingerprints(Signing[0].Ed25519PublicKeyMultibase, Signing[0].Es256.PublicKey.Thumbprint, Signing[0].Rs256.PublicKey.Thumbprint);
            DemoKeys = FindDemoKeys(newest);
        }

        public string IssuerId { get; }

        public IReadOnlyList<IssuerSigningKeys> Signing { get; }

        public IReadOnlyList<string> Ed25519PublicKeysMultibase { get; }

        public IReadOnlyList<JwtPublicKey> JwtPublicKeys { get; }

        public IReadOnlyList<X509Certificate2> SealCertificates { get; }

        public IReadOnlyList<KeyGenerationRecord> History { get; }

        public KeyFingerprints OriginalKeys { get; }

        public IReadOnlyList<string> EarlierIssuerIds { get; }

        public IReadOnlyList<string> DemoKeys { get; }

        public void Dispose()
        {
            foreach (var keys in Signing)
            {
                keys.Dispose();
            }

            foreach (var seal in HistorySeals)
            {
                seal.Dispose();
            }
        }

        private List<string> FindDemoKeys(IssuerSigningKeys newest)
        {
            List<string> found = [];
            if (MicroCredentials.Keys.DemoKeys.Contains(newest.Ed25519PublicKeyMultibase))
            {
                found.Add("Ed25519 signing key");
            }

            found.AddRange(Ed25519PublicKeysMultibase.Skip(1).Where(MicroCredentials.Keys.DemoKeys.Contains).Select(k => "retired Ed25519 key " + k));
            found.AddRange(JwtPublicKeys.Where(k => k.Controller == IssuerId && MicroCredentials.Keys.DemoKeys.Contains(k.Thumbprint))
                .Select(k => k == newest.Es256.PublicKey ? "ES256 signing key" : k == newest.Rs256.PublicKey ? "RS256 signing key" : "retired JWT key " + k.KeyId));
            if (newest.SealCertificate is { } seal && MicroCredentials.Keys.DemoKeys.Contains(seal.GetCertHashString(HashAlgorithmName.SHA256)))
            {
                found.Add("PDF seal certificate");
            }

            return found;
        }
    }
}
