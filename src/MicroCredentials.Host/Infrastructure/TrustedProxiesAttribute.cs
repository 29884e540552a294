using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>Validates <see cref="IssuerOptions.TrustedProxies"/> at start: every entry an IP address or a CIDR network.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TrustedProxiesAttribute : ValidationAttribute
{
    /// <summary>Parses one entry: an address becomes a one-address network.</summary>
    public static bool TryParse(string entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(entry, out network);
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var bad = (value as IEnumerable<string> ?? []).Where(e => !TryParse(e.Trim(), out _)).ToList();
        return bad.Count == 0 ? ValidationResult.Success
            : new ValidationResult($"Issuer:TrustedProxies: '{string.Join("', '", bad)}' is not an IP address or network (e.g. 10.0.0.5 or 10.0.0.0/24).");
    }
}
